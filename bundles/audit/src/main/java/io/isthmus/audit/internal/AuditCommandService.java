package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code isthmus audit verify|export}: the launcher hands the request (see the project brief: action,
 * out, err, dataDir, format) to this service. Exit codes: 0 ok, 1 broken chain or failure, 2 usage.
 */
@Component(property = "isthmus.command=audit")
public final class AuditCommandService implements Function<Map<String, Object>, Integer> {

  private static final int PAGE = 1000;

  private final AuditLog log;
  private final @Nullable String frameworkDataDir;

  @Activate
  public AuditCommandService(@Reference AuditLog log, BundleContext context) {
    this(log, context.getProperty("isthmus.data"));
  }

  /** @param frameworkDataDir the data directory when the request names none */
  AuditCommandService(AuditLog log, @Nullable String frameworkDataDir) {
    this.log = log;
    this.frameworkDataDir = frameworkDataDir;
  }

  @Override
  public Integer apply(Map<String, Object> request) {
    PrintStream err = request.get("err") instanceof PrintStream p ? p : System.err;
    Object out = request.get("out");
    if (!(out instanceof OutputStream output)) {
      err.println("audit: no output stream in the request");
      return 2;
    }
    Object action = request.get("action");
    try {
      if ("verify".equals(action)) {
        return verify(dataDir(request), output);
      }
      if ("export".equals(action)) {
        Object format = request.get("format");
        if (format != null && !"jsonl".equals(format)) {
          err.println("audit: export writes JSON lines only (format jsonl), not " + format);
          return 2;
        }
        long written = export(log, output);
        err.println("audit: exported " + written + " records");
        return 0;
      }
      err.println("audit: unknown action " + action + "; use verify or export");
      return 2;
    } catch (StoreException e) {
      err.println("audit: the store failed: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return 1;
    } catch (IOException e) {
      err.println("audit: " + e.getMessage());
      return 1;
    } catch (java.security.GeneralSecurityException e) {
      err.println("audit: a public key in the data directory cannot be read: " + e.getMessage());
      return 1;
    }
  }

  private int verify(Path dataDir, OutputStream output) throws IOException, java.security.GeneralSecurityException {
    Path keys = AuditKeys.directory(dataDir);
    Map<String, PublicKey> publicKeys = AuditKeys.publicKeys(keys);
    ChainVerifier.Result result = new ChainVerifier(log, publicKeys, keys.toString()).verify();
    Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    writer.write(result.summary() + "\n");
    writer.flush();
    return result.broken() == null ? 0 : 1;
  }

  /** Writes every record as one canonical JSON line with its hashes and returns how many. */
  static long export(AuditLog log, OutputStream output) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    long written = 0;
    long from = 1;
    while (true) {
      List<AuditRecord> page = log.read(from, PAGE);
      for (AuditRecord record : page) {
        writer.write(exportLine(record));
        writer.write('\n');
        written++;
        from = record.sequence() + 1;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    writer.flush();
    return written;
  }

  /**
   * The record's canonical content with {@code hash} and {@code previousHash} added in key order: an
   * auditor drops those two keys, hashes what is left followed by {@code previousHash}, and compares.
   */
  static String exportLine(AuditRecord record) {
    String content = record.canonicalContent();
    int links = content.indexOf(",\"links\":");
    int sequence = content.lastIndexOf(",\"sequence\":");
    return content.substring(0, links) + ",\"hash\":" + AuditRecord.quote(record.hash())
        + content.substring(links, sequence) + ",\"previousHash\":" + AuditRecord.quote(record.previousHash())
        + content.substring(sequence);
  }

  private Path dataDir(Map<String, Object> request) {
    Object dir = request.get("dataDir");
    if (dir instanceof String s && !s.isBlank()) {
      return Path.of(s);
    }
    return Path.of(frameworkDataDir != null && !frameworkDataDir.isBlank() ? frameworkDataDir : ".");
  }
}
