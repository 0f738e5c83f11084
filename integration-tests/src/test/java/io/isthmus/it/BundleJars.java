package io.isthmus.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes new versions of a bundle jar for update tests, with nothing but the JDK's jar streams. */
final class BundleJars {
  private BundleJars() {}

  /**
   * A copy of the jar at {@code jar} whose manifest says {@code Bundle-Version: version}; every
   * other entry is copied byte for byte.
   */
  static byte[] withBundleVersion(Path jar, String version) throws IOException {
    try (InputStream in = Files.newInputStream(jar)) {
      return withBundleVersion(in, version);
    }
  }

  static byte[] withBundleVersion(InputStream jar, String version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarInputStream in = new JarInputStream(jar, false)) {
      Manifest original = in.getManifest();
      if (original == null) {
        throw new IOException("the jar has no manifest (or it is not the first entry)");
      }
      Manifest manifest = new Manifest(original);
      manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        byte[] buffer = new byte[8192];
        for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
          JarEntry copy = new JarEntry(entry.getName());
          copy.setTime(entry.getTime());
          out.putNextEntry(copy);
          for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
          }
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** The Bundle-Version of a jar's manifest. */
  static String bundleVersion(byte[] jar) throws IOException {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar), false)) {
      return in.getManifest().getMainAttributes().getValue("Bundle-Version");
    }
  }
}
