package io.isthmus.governance.internal;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.governance.PolicyPackStatus;
import io.isthmus.api.governance.PolicyRegistry;
import io.isthmus.api.governance.RolloutControl;
import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.governance.RolloutSetting;
import io.isthmus.api.json.JsonWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/governance}: {@code GET /policies} (every policy pack, in force or refused, with its
 * problems), {@code GET /rollout} (settings and the modes in force for a tenant) and
 * {@code POST /rollout} {@code {"scope":"zone:IT","mode":"APPROVAL","override":false,"reason":"..."}} by
 * a user holding the {@value #ADMIN_ROLE} role (same identity headers as the approval API).
 */
final class GovernanceApi {

  static final String ADMIN_ROLE = "governance-admin";
  private static final Logger LOG = LoggerFactory.getLogger(GovernanceApi.class);

  private final PolicyRegistry policies;
  private final RolloutControl rollout;

  GovernanceApi(PolicyRegistry policies, RolloutControl rollout) {
    this.policies = policies;
    this.rollout = rollout;
  }

  ApprovalsApi.Response handle(String method, @Nullable String pathInfo, Map<String, String> query,
      @Nullable String user, @Nullable String roles, String body) {
    String path = pathInfo == null ? "" : pathInfo.replaceAll("/+$", "");
    try {
      if (path.equals("/policies") && "GET".equals(method)) {
        List<Object> packs = new ArrayList<>();
        for (PolicyPackStatus p : policies.packs()) {
          packs.add(Map.of("bundle", p.bundle(), "version", p.version(), "active", p.active(), "rules", p.rules(),
              "problems", p.problems()));
        }
        return new ApprovalsApi.Response(200, JsonWriter.toJson(Map.of("packs", packs)));
      }
      if (path.equals("/rollout") && "GET".equals(method)) {
        return new ApprovalsApi.Response(200, JsonWriter.toJson(rolloutView(query.getOrDefault("tenant", "default"))));
      }
      if (path.equals("/rollout") && "POST".equals(method)) {
        if (user == null || user.isBlank()) {
          return new ApprovalsApi.Response(401, ActionJson.error("No authenticated user: the "
              + ApprovalsApi.USER_HEADER + " header is missing"));
        }
        if (roles == null || Arrays.stream(roles.split(",")).map(String::trim).noneMatch(ADMIN_ROLE::equals)) {
          return new ApprovalsApi.Response(403, ActionJson.error("Changing rollout modes needs the role " + ADMIN_ROLE));
        }
        Map<String, String> f = JsonFields.parse(body.length() > ApprovalsApi.MAX_BODY ? "x" : body);
        RolloutMode mode;
        try {
          mode = RolloutMode.valueOf(f.getOrDefault("mode", "").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("mode is one of " + Arrays.toString(RolloutMode.values()));
        }
        RolloutSetting s = rollout.set(f.getOrDefault("scope", ""), mode, "true".equals(f.get("override")), user.trim(),
            f.getOrDefault("reason", ""));
        return new ApprovalsApi.Response(200, JsonWriter.toJson(setting(s)));
      }
      return new ApprovalsApi.Response(path.equals("/policies") || path.equals("/rollout") ? 405 : 404,
          ActionJson.error("Use GET /api/v1/governance/policies, GET or POST /api/v1/governance/rollout"));
    } catch (IllegalArgumentException e) {
      return new ApprovalsApi.Response(400, ActionJson.error(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("{} /api/v1/governance{} failed: {}", method, path, e.toString());
      return new ApprovalsApi.Response(500, ActionJson.error("The request failed; the governance log has the reason"));
    }
  }

  private Map<String, Object> rolloutView(String tenant) {
    Map<String, Object> inForce = new LinkedHashMap<>();
    for (Zone z : Zone.values()) {
      inForce.put(z.name(), rollout.modeFor(z, tenant).name());
    }
    List<Object> settings = new ArrayList<>();
    rollout.settings().forEach(s -> settings.add(setting(s)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tenant", tenant);
    out.put("inForce", inForce);
    out.put("settings", settings);
    return out;
  }

  private static Map<String, Object> setting(RolloutSetting s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scope", s.scope());
    m.put("mode", s.mode().name());
    m.put("override", s.override());
    m.put("actor", s.actor());
    m.put("reason", s.reason());
    m.put("at", s.at().toString());
    return m;
  }
}
