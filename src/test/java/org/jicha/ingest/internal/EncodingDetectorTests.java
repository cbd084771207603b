package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingDetectorTests {

    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("f.csv"), content);
    }

    @Test
    void validUtf8IsUtf8() throws IOException {
        assertThat(EncodingDetector.detect(file("戶號,名稱\n1,張三\n".getBytes(StandardCharsets.UTF_8))))
                .contains(StandardCharsets.UTF_8);
    }

    @Test
    void chineseTextEncodedInGb18030IsGb18030() throws IOException {
        assertThat(EncodingDetector.detect(file("戶號,名稱\n1,張三\n".getBytes(EncodingDetector.GB18030))))
                .contains(EncodingDetector.GB18030);
    }

    @Test
    void aUtf8CharacterSplitAcrossReadChunksIsStillUtf8() throws IOException {
        byte[] ascii = "a".repeat(64 * 1024 - 1).getBytes(StandardCharsets.US_ASCII);
        byte[] chinese = "張".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[ascii.length + chinese.length];
        System.arraycopy(ascii, 0, content, 0, ascii.length);
        System.arraycopy(chinese, 0, content, ascii.length, chinese.length);

        assertThat(EncodingDetector.detect(file(content))).contains(StandardCharsets.UTF_8);
    }

    @Test
    void bytesValidInNeitherEncodingAreUndecodable() throws IOException {
        assertThat(EncodingDetector.detect(file(new byte[] {'a', (byte) 0xFF, (byte) 0xFF, 'b'})))
                .isEmpty();
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsNotUtf8() throws IOException {
        byte[] chinese = "張".getBytes(StandardCharsets.UTF_8);
        assertThat(EncodingDetector.detect(file(new byte[] {'a', chinese[0], chinese[1]})))
                .isNotEqualTo(Optional.of(StandardCharsets.UTF_8));
    }
}
