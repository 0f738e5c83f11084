package io.isthmus.governance.internal;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.PolicyPackFiles;
import io.isthmus.api.governance.PolicyPackStatus;
import io.isthmus.api.governance.PolicyRegistry;
import io.isthmus.api.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance extender: reads the policy files of every bundle whose manifest has an
 * {@value #HEADER} header (the folder holding its {@code *.yaml} files). A started bundle's policies
 * are in force until it is stopped or uninstalled; an update that does not parse or compile is
 * refused with file, line and reason, and the previous revision's policies stay in force, also
 * across restarts: the files of each accepted revision are kept in the store.
 */
@Component(service = {PolicyRegistry.class, PolicyExtender.class}, immediate = true)
public final class PolicyExtender implements PolicyRegistry {

  static final String HEADER = "Isthmus-Policies";
  private static final Logger LOG = LoggerFactory.getLogger(PolicyExtender.class);
  private static final int MAX_FILE_BYTES = 1 << 20;

  private final PolicyEngine engine = new PolicyEngine();
  private final CelConditions cel = new CelConditions();
  private final AuditLog audit;
  private final GovernanceStore store;
  private final Map<String, PolicyPackStatus> status = new TreeMap<>();
  private final Map<Long, Long> loadedRevision = new LinkedHashMap<>();
  private final BundleTracker<Bundle> tracker;

  @Activate
  public PolicyExtender(BundleContext context, @Reference AuditLog audit, @Reference GovernanceStore store) {
    this.audit = audit;
    this.store = store;
    int states = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;
    tracker = new BundleTracker<>(context, states, null) {
      @Override
      public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getHeaders("").get(HEADER) == null) {
          return null;
        }
        changed(bundle);
        return bundle;
      }

      @Override
      public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        changed(bundle);
      }

      @Override
      public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        // Closing the tracker (governance stopping) removes every bundle without an event: not an uninstall.
        if (event != null) {
          drop(bundle, "uninstalled");
        }
      }
    };
    tracker.open();
  }

  @Deactivate
  void deactivate() {
    tracker.close();
  }

  PolicyEngine engine() {
    return engine;
  }

  @Override
  public synchronized List<PolicyPackStatus> packs() {
    return new ArrayList<>(status.values());
  }

  private synchronized void changed(Bundle bundle) {
    if (bundle.getState() == Bundle.ACTIVE) {
      Long loaded = loadedRevision.get(bundle.getBundleId());
      if (loaded == null || loaded != bundle.getLastModified()) {
        loadedRevision.put(bundle.getBundleId(), bundle.getLastModified());
        load(bundle);
      }
    } else if (bundle.getState() == Bundle.RESOLVED && !persistentlyStarted(bundle)) {
      // Stopped on purpose; a bundle being updated is stopped only transiently and keeps its policies.
      drop(bundle, "stopped");
    }
  }

  private void load(Bundle bundle) {
    String name = bundle.getSymbolicName();
    String version = bundle.getVersion().toString();
    List<String> problems = new ArrayList<>();
    Map<String, String> files = files(bundle, problems);
    PolicyPack pack = PolicyPacks.read(cel, name, version, files, problems);
    PolicyPack previous = engine.pack(name);
    if (pack == null && previous == null) {
      previous = kept(name);
    }
    if (pack == null) {
      LOG.warn("policy bundle {} {} refused; {}:\n  {}", name, version,
          previous == null ? "no policies of it are in force" : "version " + previous.version() + " stays in force",
          String.join("\n  ", problems));
      status.put(name, new PolicyPackStatus(name, version, previous != null,
          previous == null ? List.of() : PolicyPacks.ruleIds(previous), problems));
      auditPolicy(name, version, "refused", problems, previous);
      return;
    }
    engine.install(pack);
    try {
      store.savePolicyPack(new PolicyPackFiles(name, version, files));
    } catch (RuntimeException e) {
      LOG.warn("policy bundle {} {} is in force but could not be kept for the next start: {}", name, version, e.toString());
    }
    status.put(name, new PolicyPackStatus(name, version, true, PolicyPacks.ruleIds(pack), List.of()));
    LOG.info("policy bundle {} {} in force: {} rule(s), {} recommendation(s)", name, version, pack.rules().size(),
        pack.recommendations().size());
    auditPolicy(name, version, "accepted", List.of(), previous);
  }

  /** The revision kept from an earlier start, put in force again; {@code null} if none is kept or it no longer compiles. */
  private @Nullable PolicyPack kept(String name) {
    try {
      Optional<PolicyPackFiles> files = store.policyPack(name);
      if (files.isEmpty()) {
        return null;
      }
      List<String> problems = new ArrayList<>();
      PolicyPack pack = PolicyPacks.read(cel, name, files.get().version(), files.get().files(), problems);
      if (pack != null) {
        engine.install(pack);
        LOG.info("policy bundle {}: revision {} kept from an earlier start is in force", name, pack.version());
      }
      return pack;
    } catch (RuntimeException e) {
      LOG.warn("policy bundle {}: the kept revision could not be read: {}", name, e.toString());
      return null;
    }
  }

  private synchronized void drop(Bundle bundle, String why) {
    loadedRevision.remove(bundle.getBundleId());
    String name = bundle.getSymbolicName();
    if (name != null) {
      try {
        store.deletePolicyPack(name);
      } catch (RuntimeException e) {
        LOG.warn("policy bundle {} {}, but its kept revision could not be deleted: {}", name, why, e.toString());
      }
    }
    if (name != null && status.remove(name) != null) {
      PolicyPack previous = engine.pack(name);
      engine.remove(name);
      LOG.info("policy bundle {} {}: its policies are no longer in force", name, why);
      auditPolicy(name, bundle.getVersion().toString(), why, List.of(), previous);
    }
  }

  private void auditPolicy(String name, String version, String event, List<String> problems, @Nullable PolicyPack previous) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("bundle", name);
    payload.put("version", version);
    payload.put("event", event);
    payload.put("problems", problems);
    payload.put("previousVersion", previous == null ? null : previous.version());
    try {
      audit.append("policy", "policy:" + name, Governor.ACTOR, List.of(), JsonWriter.toJson(payload));
    } catch (RuntimeException e) {
      LOG.warn("policy bundle {} {} {}, but the audit log could not record it: {}", name, version, event, e.toString());
    }
  }

  private static boolean persistentlyStarted(Bundle bundle) {
    BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
    return level != null && level.isPersistentlyStarted();
  }

  /** The policy files of a bundle by name, in name order. */
  private static Map<String, String> files(Bundle bundle, List<String> problems) {
    String folder = bundle.getHeaders("").get(HEADER).trim();
    Map<String, String> out = new TreeMap<>();
    for (String pattern : new String[] {"*.yaml", "*.yml"}) {
      Enumeration<URL> entries = bundle.findEntries(folder, pattern, false);
      for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
        String file = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
        try (InputStream in = url.openStream()) {
          byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
          if (bytes.length > MAX_FILE_BYTES) {
            problems.add(file + ":1: larger than " + MAX_FILE_BYTES + " bytes");
          } else {
            out.put(file, new String(bytes, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          problems.add(file + ":1: cannot be read: " + e.getMessage());
        }
      }
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add(folder + ":1: no *.yaml policy file in the folder the " + HEADER + " header names");
    }
    return out;
  }
}
