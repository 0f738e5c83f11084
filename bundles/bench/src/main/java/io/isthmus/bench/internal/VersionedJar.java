package io.isthmus.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Copies a bundle jar with another Bundle-Version: a genuinely new revision of the same bundle. */
final class VersionedJar {
  private VersionedJar() {}

  static Path write(Path original, Path target, String version) throws IOException {
    try (JarInputStream in = new JarInputStream(Files.newInputStream(original))) {
      Manifest manifest = in.getManifest();
      if (manifest == null) {
        throw new IOException(original + " has no manifest");
      }
      Manifest copy = new Manifest(manifest);
      copy.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
      try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, copy)) {
        JarEntry entry;
        while ((entry = in.getNextJarEntry()) != null) {
          out.putNextEntry(new JarEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return target;
  }

  static InputStream open(Path jar) throws IOException {
    return Files.newInputStream(jar);
  }
}
