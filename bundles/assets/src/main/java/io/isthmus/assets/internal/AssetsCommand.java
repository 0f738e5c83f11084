package io.isthmus.assets.internal;

import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.vuln.VulnerabilityCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code isthmus assets list|import|export}, called by the launcher with a request map (action, file,
 * format, out, err); returns the exit code: 0 done, 1 failed (or some registry rows rejected), 2 usage.
 */
@Component(service = Function.class, property = "isthmus.command=assets")
public final class AssetsCommand implements Function<Map<String, Object>, Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(AssetsCommand.class);

  private final AssetStore store;
  private volatile @Nullable VulnerabilityCatalog catalog;

  @Activate
  public AssetsCommand(@Reference AssetStore store) {
    this.store = store;
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setCatalog(VulnerabilityCatalog catalog) {
    this.catalog = catalog;
  }

  void unsetCatalog(VulnerabilityCatalog catalog) {
    if (this.catalog == catalog) {
      this.catalog = null;
    }
  }

  @Override
  public Integer apply(Map<String, Object> request) {
    PrintStream err = request.get("err") instanceof PrintStream p ? p : System.err;
    if (!(request.get("out") instanceof OutputStream out)) {
      err.println("isthmus: bad assets request: no output stream");
      return USAGE;
    }
    String action = text(request, "action");
    String format = text(request, "format");
    try {
      return switch (action == null ? "" : action) {
        case "list" -> list(format, out, err);
        case "import" -> importRegistry(text(request, "file"), format, out, err);
        case "export" -> export(format, out, err);
        default -> {
          err.println("isthmus: assets: say list, import or export");
          yield USAGE;
        }
      };
    } catch (StoreException e) {
      LOG.warn("assets {}: store failed: {}", action, e.toString());
      err.println("isthmus: assets " + action + ": the asset store failed: " + rootMessage(e));
      return FAILED;
    } catch (IOException e) {
      err.println("isthmus: assets " + action + ": " + rootMessage(e));
      return FAILED;
    }
  }

  private int list(@Nullable String format, OutputStream out, PrintStream err) throws IOException {
    String text;
    if (format == null || format.equals("table")) {
      text = AssetTable.render(store.list());
    } else if (format.equals("json")) {
      text = AssetJson.list(store.list()) + "\n";
    } else {
      err.println("isthmus: assets list: format '" + format + "' is not table or json");
      return USAGE;
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return OK;
  }

  private int export(@Nullable String format, OutputStream out, PrintStream err) throws IOException {
    RegistryFormat registryFormat;
    try {
      registryFormat = RegistryFormat.of(format == null ? "csv" : format, null);
    } catch (IllegalArgumentException e) {
      err.println("isthmus: assets export: " + e.getMessage());
      return USAGE;
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    registryFormat.write(store.list(), writer);
    writer.flush();
    return OK;
  }

  private int importRegistry(@Nullable String file, @Nullable String format, OutputStream out, PrintStream err)
      throws IOException {
    if (file == null) {
      err.println("isthmus: assets import: give the registry file (.csv, .yaml or .yml)");
      return USAGE;
    }
    RegistryFormat registryFormat;
    try {
      registryFormat = RegistryFormat.of(format, file);
    } catch (IllegalArgumentException e) {
      err.println("isthmus: assets import: " + e.getMessage());
      return USAGE;
    }
    Path path = Path.of(file);
    String name = path.getFileName() == null ? file : path.getFileName().toString();
    RegistryRead read;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      read = registryFormat.read(in, name);
    } catch (NoSuchFileException e) {
      err.println("isthmus: assets import: no such file " + file);
      return FAILED;
    } catch (CharacterCodingException e) {
      err.println("isthmus: assets import: " + name + " is not UTF-8 text; save it as UTF-8 and import it again");
      return FAILED;
    }
    read.rejections().forEach(r -> err.println("isthmus: rejected " + r));
    read.notes().forEach(n -> err.println("isthmus: note: " + n));
    RegistryImport.Summary summary = RegistryImport.apply(store, read, name, Instant.now());
    // The runtime recomputes with the findings it has seen; here only the registry and the catalog count.
    int changed = RiskRecompute.run(store, catalog, new RecentFindings(Clock.systemUTC()));
    LOG.info("assets import: {} risk score(s) changed", changed);
    out.write((summary.text() + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return summary.rejections().isEmpty() ? OK : FAILED;
  }

  private static @Nullable String text(Map<String, Object> request, String key) {
    Object value = request.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
