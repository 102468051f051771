package org.safenest.core.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.safenest.core.internal.jpa.AuditEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes the audit log tamper-evident. Each record gets, when written, an HMAC-SHA256 of its content under a key
 * that lives in a file of the node ({@code data/safenest/audit.key}, created at first start, readable by its owner
 * only), not in the database: someone who can change the database but not that file cannot make a changed or
 * made-up record look genuine. The chain then links each record's MAC to the one before by SHA-256, so a removed
 * record leaves a gap.
 */
final class AuditSeal {

    static final String GENESIS = "0".repeat(64);
    private static final Logger LOG = LoggerFactory.getLogger(AuditSeal.class);
    private static AuditSeal shared;

    private final byte[] key;

    AuditSeal(byte[] key) {
        this.key = key.clone();
    }

    /** The node's seal, its key read from (or created in) {@code ${karaf.data}/safenest/audit.key}. */
    static synchronized AuditSeal node() {
        if (shared == null) {
            String data = System.getProperty("karaf.data");
            if (data == null) {
                LOG.warn("karaf.data is not set: the audit key lives in memory only and records cannot be verified after a restart");
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                shared = new AuditSeal(k);
            } else {
                shared = new AuditSeal(loadOrCreate(Path.of(data, "safenest", "audit.key")));
            }
        }
        return shared;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(k), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.debug("No POSIX permissions for {}", tmp);
            }
            Files.move(tmp, file);
            LOG.info("Created the audit key {}: keep it with backups of the database, or records cannot be verified", file);
            return k;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the audit key " + file, e);
        }
    }

    /** The MAC of a record's content, id included (so a record cannot be copied to another id). */
    String mac(AuditEntity e) {
        StringBuilder b = new StringBuilder();
        for (Object part : new Object[] {e.id, e.at == null ? null : e.at.toEpochMilli(), e.actor, e.action, e.region, e.target,
                e.outcome, e.detail}) {
            String s = part == null ? null : part.toString();
            b.append(s == null ? -1 : s.length()).append(':').append(s == null ? "" : s).append('|');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The chain hash at a position: SHA-256 of the hash before, the position and the record's MAC. */
    static String link(String previous, long position, String mac) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((previous + "|" + position + "|" + mac).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
