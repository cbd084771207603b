package org.jicha.tickets;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence file accepted, recognised by their first bytes (never by name or declared type). */
public enum EvidenceType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Enough leading bytes to recognise every type. */
    public static final int SNIFF_LENGTH = 8;

    private final String mediaType;
    private final byte[] magic;

    EvidenceType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose magic bytes the file starts with. */
    public static Optional<EvidenceType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(t -> startsWith(head, t.magic)).findFirst();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
