package io.isthmus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bad deploy-folder content, built at test time. */
final class Fixtures {
  private Fixtures() {}

  static void bundle(Path target, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    headers.forEach(main::putValue);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue());
        jar.closeEntry();
      }
    }
    // Appear complete in one step, so the deploy watcher never sees half a jar.
    Files.move(tmp, target);
  }

  static void unresolvableBundle(Path target) throws IOException {
    bundle(target, Map.of("Bundle-SymbolicName", "test.unresolvable", "Bundle-Version", "1.0.0",
        "Import-Package", "com.example.missing;version=\"[1.0,2)\""), Map.of());
  }

  static void throwingComponentBundle(Path target) throws IOException {
    String cls = "io/isthmus/launcher/fixture/ThrowingComponent.class";
    byte[] classBytes;
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(cls)) {
      if (in == null) {
        throw new IOException(cls + " not on the test class path");
      }
      classBytes = in.readAllBytes();
    }
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"test.throwing\" immediate=\"true\">\n"
        + "  <implementation class=\"io.isthmus.launcher.fixture.ThrowingComponent\"/>\n"
        + "</scr:component>\n";
    bundle(target, Map.of("Bundle-SymbolicName", "test.throwing", "Bundle-Version", "1.0.0",
        "Service-Component", "OSGI-INF/throwing.xml"),
        Map.of(cls, classBytes, "OSGI-INF/throwing.xml", xml.getBytes(StandardCharsets.UTF_8)));
  }
}
