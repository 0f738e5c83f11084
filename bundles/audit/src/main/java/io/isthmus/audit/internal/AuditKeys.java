package io.isthmus.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Ed25519 key pair that signs checkpoints, in {@code <data>/keys}: {@code audit-ed25519.key}
 * (PKCS#8 PEM, owner read/write only on POSIX) and {@code audit-ed25519.pub} (X.509 PEM, the one to
 * hand to an auditor). A key replaced because its private half was lost stays as
 * {@code audit-ed25519.pub.<keyId>}, so the checkpoints it signed still verify.
 */
final class AuditKeys {

  static final String PRIVATE_FILE = "audit-ed25519.key";
  static final String PUBLIC_FILE = "audit-ed25519.pub";
  private static final String ALGORITHM = "Ed25519";

  private AuditKeys() {}

  static Path directory(Path dataDir) {
    return dataDir.resolve("keys");
  }

  /** The signing key pair, created at first use. */
  static KeyPair loadOrCreate(Path keys) throws IOException, GeneralSecurityException {
    Path privateFile = keys.resolve(PRIVATE_FILE);
    Path publicFile = keys.resolve(PUBLIC_FILE);
    if (Files.exists(privateFile) && Files.exists(publicFile)) {
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
      return new KeyPair(readPublic(publicFile), privateKey);
    }
    Files.createDirectories(keys);
    if (Files.exists(publicFile)) {
      // Its private half is gone: keep it for verifying what it signed, under its id.
      Files.move(publicFile, keys.resolve(PUBLIC_FILE + "." + keyId(readPublic(publicFile))), StandardCopyOption.REPLACE_EXISTING);
    }
    KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    // The public key first: a crash before the private one is written only means a new pair next time.
    writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    return pair;
  }

  /** Every public key in the directory (current and retired), by key id. */
  static Map<String, PublicKey> publicKeys(Path keys) throws IOException, GeneralSecurityException {
    Map<String, PublicKey> found = new LinkedHashMap<>();
    if (!Files.isDirectory(keys)) {
      return found;
    }
    try (Stream<Path> files = Files.list(keys)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.equals(PUBLIC_FILE) || name.startsWith(PUBLIC_FILE + ".")) {
          PublicKey key = readPublic(file);
          found.put(keyId(key), key);
        }
      }
    }
    return found;
  }

  /** The first 16 hex digits of SHA-256 over the key's X.509 encoding. */
  static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(readPem(file, "PUBLIC KEY")));
  }

  private static byte[] readPem(Path file, String label) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(file + " is not a PEM file with a " + label);
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds invalid base64", e);
    }
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temporary);
    }
    Files.writeString(temporary, content, StandardCharsets.US_ASCII);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
