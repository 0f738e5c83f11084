package io.isthmus.health.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/** Which bundles are not running, and why: for unresolved ones, the requirements nothing provides. */
final class BundleDiagnostics {
  private BundleDiagnostics() {}

  private static final String UNRESOLVED = "unresolved: missing ";

  record Summary(int active, int total, List<Problem> failed) {}

  static Summary summarize(BundleContext context, Map<Long, String> startErrors) {
    Bundle[] bundles = context.getBundles();
    FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    int active = 0;
    List<Problem> failed = new ArrayList<>();
    for (Bundle b : bundles) {
      if (b.getState() == Bundle.ACTIVE) {
        active++;
        continue;
      }
      // STARTING and STOPPING are transitions (an activator running right now), not failures.
      if (isFragment(b) || b.getState() == Bundle.UNINSTALLED || b.getState() == Bundle.STARTING
          || b.getState() == Bundle.STOPPING) {
        continue;
      }
      String reason = b.getState() == Bundle.INSTALLED
          ? unresolvedReason(b, wiring)
          : startErrors.getOrDefault(b.getBundleId(), "resolved but not started (" + stateName(b.getState()) + ")");
      if (notYetAskedToStart(b, startErrors) && !reason.startsWith(UNRESOLVED)) {
        continue;
      }
      failed.add(new Problem("bundle", b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName(), reason,
          details(b)));
    }
    return new Summary(active, bundles.length, failed);
  }

  private static Map<String, Object> details(Bundle b) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", b.getBundleId());
    d.put("version", b.getVersion().toString());
    d.put("state", stateName(b.getState()));
    d.put("location", b.getLocation());
    return d;
  }

  /** Names every mandatory requirement no installed bundle can satisfy. */
  static String unresolvedReason(Bundle b, FrameworkWiring wiring) {
    BundleRevision revision = b.adapt(BundleRevision.class);
    if (revision == null) {
      return "not resolved";
    }
    List<String> missing = new ArrayList<>();
    for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
      String resolution = req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
      String effective = req.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
      if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)
          || (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective))) {
        continue;
      }
      if (wiring.findProviders(req).isEmpty()) {
        missing.add(describe(req));
      }
    }
    return missing.isEmpty()
        ? "not resolved (a requirement's providers conflict with each other; see the framework log)"
        : UNRESOLVED + String.join("; ", missing);
  }

  private static String describe(BundleRequirement req) {
    String filter = req.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
    String ns = req.getNamespace();
    if (ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE.equals(ns)) {
      return "execution environment " + filter;
    }
    String kind = switch (ns) {
      case "osgi.wiring.package" -> "package";
      case "osgi.wiring.bundle" -> "bundle";
      case "osgi.wiring.host" -> "fragment host";
      default -> "capability " + ns;
    };
    return kind + " " + filter;
  }

  /**
   * A bundle no one has asked to start yet: the launcher starts the features' bundles one start
   * order after the other while health already answers. Waiting its turn is not a failure; missing
   * requirements are, whenever they are seen.
   */
  private static boolean notYetAskedToStart(Bundle b, Map<Long, String> startErrors) {
    BundleStartLevel level = b.adapt(BundleStartLevel.class);
    return level != null && !level.isPersistentlyStarted() && !startErrors.containsKey(b.getBundleId());
  }

  private static boolean isFragment(Bundle b) {
    BundleRevision rev = b.adapt(BundleRevision.class);
    return rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
  }


  static String stateName(int state) {
    return switch (state) {
      case Bundle.UNINSTALLED -> "UNINSTALLED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.ACTIVE -> "ACTIVE";
      default -> "UNKNOWN(" + state + ")";
    };
  }
}
