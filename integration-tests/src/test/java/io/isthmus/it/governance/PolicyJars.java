package io.isthmus.it.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** New revisions of a policy bundle: one entry's text changed and a new Bundle-Version, with the JDK's jar streams. */
final class PolicyJars {
  private PolicyJars() {}

  static String entry(Path jar, String name) throws IOException {
    try (JarInputStream in = new JarInputStream(Files.newInputStream(jar), false)) {
      for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IOException(name + " is not in " + jar);
  }

  /** A copy of {@code jar} with {@code name} holding {@code text} and the manifest saying {@code version}. */
  static byte[] revision(Path jar, String version, String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file, false)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
          out.putNextEntry(new JarEntry(entry.getName()));
          out.write(entry.getName().equals(name) ? text.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }
}
