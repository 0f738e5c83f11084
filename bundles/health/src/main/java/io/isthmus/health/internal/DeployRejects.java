package io.isthmus.health.internal;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Claims the files in the deploy folder that FileInstall would otherwise try to install as
 * bundles but are not bundles (not a JAR, or a JAR without Bundle-SymbolicName), and reports
 * each with the reason. Configuration files ({@code .cfg}, {@code .config}) are left to
 * FileInstall.
 */
@Component(service = ArtifactInstaller.class)
public final class DeployRejects implements ArtifactInstaller {
  private static final String KEY = "deploy:";

  private final ProblemBoard board;

  @Activate
  public DeployRejects(@Reference ProblemBoard board) {
    this.board = board;
  }

  @Override
  public boolean canHandle(File file) {
    String name = file.getName();
    if (name.endsWith(".cfg") || name.endsWith(".config") || name.startsWith(".")) {
      return false;
    }
    return notABundle(file) != null;
  }

  /** Why a file is not a bundle, or {@code null} if it is one. */
  static String notABundle(File file) {
    try (JarFile jar = new JarFile(file)) {
      Manifest manifest = jar.getManifest();
      if (manifest == null) {
        return "not a bundle: the JAR has no manifest";
      }
      if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
        return "not a bundle: the JAR manifest has no Bundle-SymbolicName";
      }
      return null;
    } catch (ZipException e) {
      return "not a bundle: not a JAR file (" + e.getMessage() + ")";
    } catch (IOException | SecurityException e) {
      return "cannot be read: " + e.getMessage();
    }
  }

  @Override
  public void install(File file) {
    String reason = notABundle(file);
    board.reject(KEY + file.getName(), new Problem("deploy", file.getName(),
        (reason == null ? "not installed" : reason) + "; the file is ignored until it changes",
        Map.of("path", file.getName())));
  }

  @Override
  public void update(File file) {
    install(file);
  }

  @Override
  public void uninstall(File file) {
    board.clear(KEY + file.getName());
  }
}
