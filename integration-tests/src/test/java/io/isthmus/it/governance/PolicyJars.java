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
import org.jspecify.annotations.Nullable;

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
    return copy(jar, null, version, name, text);
  }

  /** The same as a new bundle: another symbolic name. */
  static byte[] otherBundle(Path jar, String symbolicName, String name, String text) throws IOException {
    return copy(jar, symbolicName, "1.0.0", name, text);
  }

  private static byte[] copy(Path jar, @Nullable String symbolicName, String version, String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file, false)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
      if (symbolicName != null) {
        manifest.getMainAttributes().put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
      }
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
