package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxServiceTests {

    @Test
    void batchNameOfAnUploadIsTheZipNameMadeSafeForAFolder() {
        assertThat(InboxService.batchName("2026-11-27.zip")).isEqualTo("2026-11-27");
        assertThat(InboxService.batchName("C:\\exports\\城關 11月.ZIP")).isEqualTo("城關_11月");
        assertThat(InboxService.batchName("../../..zip")).isEqualTo("upload");
        assertThat(InboxService.batchName(null)).isEqualTo("upload");
    }
}
