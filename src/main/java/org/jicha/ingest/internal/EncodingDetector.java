package org.jicha.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the encoding of a contract file as the contract defines it: UTF-8 (with or without BOM) when every
 * byte sequence is valid UTF-8, else GB18030 when every sequence is valid there, else none. Streams the file
 * through a strict decoder in fixed-size chunks, so memory stays flat for files of any size.
 */
final class EncodingDetector {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int CHUNK = 64 * 1024;

    private EncodingDetector() {}

    static Optional<Charset> detect(Path file) throws IOException {
        if (decodesCleanly(file, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return decodesCleanly(file, GB18030) ? Optional.of(GB18030) : Optional.empty();
    }

    private static boolean decodesCleanly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        try (InputStream stream = Files.newInputStream(file)) {
            int read;
            while ((read = stream.read(in.array(), in.position(), in.remaining())) >= 0) {
                in.position(in.position() + read);
                in.flip();
                if (!decode(decoder, in, out, false)) {
                    return false;
                }
                in.compact();
            }
            in.flip();
            return decode(decoder, in, out, true) && !decoder.flush(out.clear()).isError();
        }
    }

    /** Decodes what the buffer holds, keeping an incomplete trailing sequence for the next chunk. */
    private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(in, out.clear(), endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }
}
