package io.isthmus.governance.internal;

import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.json.JsonWriter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of {@code /api/v1/approvals}, without the servlet API so it can be tested alone:
 * {@code GET /api/v1/approvals[?state=PENDING_APPROVAL,...&limit=N]}, {@code GET /api/v1/approvals/{id}},
 * {@code POST /api/v1/approvals/{id}/approve|reject|rollback} with {@code {"comment": "..."}} (or
 * {@code "reason"} for a rollback). The caller is the user in {@value #USER_HEADER} with the roles in
 * {@value #ROLES_HEADER} (comma-separated), set by the console after it authenticated the user.
 */
final class ApprovalsApi {

  static final String USER_HEADER = "X-Isthmus-User";
  static final String ROLES_HEADER = "X-Isthmus-Roles";
  static final int MAX_BODY = 16_384;
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalsApi.class);
  private static final Pattern ONE = Pattern.compile("/([A-Za-z0-9._-]{1,64})/?");
  private static final Pattern VERB = Pattern.compile("/([A-Za-z0-9._-]{1,64})/(approve|reject|rollback)/?");

  record Response(int status, String json) {}

  private final ApprovalQueue queue;

  ApprovalsApi(ApprovalQueue queue) {
    this.queue = queue;
  }

  /**
   * @param pathInfo the path after {@code /api/v1/approvals}, or {@code null}
   * @param query parameters ({@code state}, {@code limit})
   * @param user value of the user header, or {@code null}
   * @param roles value of the roles header, or {@code null}
   */
  Response handle(String method, @Nullable String pathInfo, Map<String, String> query, @Nullable String user,
      @Nullable String roles, String body) {
    String path = pathInfo == null ? "" : pathInfo;
    try {
      if (path.isEmpty() || path.equals("/")) {
        return "GET".equals(method)
            ? new Response(200, JsonWriter.toJson(ActionJson.list(queue.list(states(query.get("state")),
                limit(query.get("limit"))))))
            : new Response(405, ActionJson.error("Use GET on /api/v1/approvals"));
      }
      Matcher one = ONE.matcher(path);
      if (one.matches()) {
        if (!"GET".equals(method)) {
          return new Response(405, ActionJson.error("Use GET on an action, POST on its approve, reject or rollback"));
        }
        return queue.find(one.group(1)).map(g -> new Response(200, JsonWriter.toJson(ActionJson.of(g))))
            .orElse(new Response(404, ActionJson.error("No action " + one.group(1))));
      }
      Matcher verb = VERB.matcher(path);
      if (!verb.matches()) {
        return new Response(404, ActionJson.error("No such resource: /api/v1/approvals" + path));
      }
      if (!"POST".equals(method)) {
        return new Response(405, ActionJson.error("Use POST to " + verb.group(2) + " an action"));
      }
      if (user == null || user.isBlank()) {
        return new Response(401, ActionJson.error("No authenticated user: the " + USER_HEADER + " header is missing"));
      }
      if (body.length() > MAX_BODY) {
        return new Response(413, ActionJson.error("The body is larger than " + MAX_BODY + " characters"));
      }
      Map<String, String> fields = JsonFields.parse(body);
      String id = verb.group(1);
      if (verb.group(2).equals("rollback")) {
        GovernedAction g = queue.requestRollback(id, user.trim(), fields.getOrDefault("reason", ""));
        return new Response(201, JsonWriter.toJson(ActionJson.of(g)));
      }
      Approval.Verdict verdict = verb.group(2).equals("approve") ? Approval.Verdict.APPROVE : Approval.Verdict.REJECT;
      ApprovalOutcome outcome = queue.decide(id, user.trim(), roleSet(roles), verdict, fields.getOrDefault("comment", ""));
      return outcome(outcome);
    } catch (NoSuchElementException e) {
      return new Response(404, ActionJson.error(e.getMessage()));
    } catch (IllegalStateException e) {
      return new Response(409, ActionJson.error(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return new Response(400, ActionJson.error(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("{} /api/v1/approvals{} failed: {}", method, path, e.toString());
      return new Response(500, ActionJson.error("The request failed; the governance log has the reason"));
    }
  }

  private static Response outcome(ApprovalOutcome o) {
    int status = switch (o.status()) {
      case RECORDED, APPROVED, REJECTED -> 200;
      case NOT_FOUND -> 404;
      case OWN_REQUEST, NOT_AUTHORIZED -> 403;
      case NOT_PENDING, EXPIRED, DUPLICATE -> 409;
    };
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", o.status().name());
    m.put("message", message(o.status()));
    m.put("action", o.action() == null ? null : ActionJson.of(o.action()));
    return new Response(status, JsonWriter.toJson(m));
  }

  private static String message(ApprovalOutcome.Status s) {
    return switch (s) {
      case RECORDED -> "Approval recorded; more approvals are needed";
      case APPROVED -> "Approved: the action will be executed";
      case REJECTED -> "Rejected: the action will not be executed";
      case NOT_FOUND -> "No such action";
      case NOT_PENDING -> "The action is not waiting for approval";
      case EXPIRED -> "The approval window has closed";
      case OWN_REQUEST -> "The requester cannot approve their own request";
      case DUPLICATE -> "You have already given a verdict on this action";
      case NOT_AUTHORIZED -> "You do not hold the role this approval requires";
    };
  }

  private static Set<ActionState> states(@Nullable String param) {
    if (param == null || param.isBlank()) {
      return EnumSet.of(ActionState.PENDING_APPROVAL);
    }
    if (param.equalsIgnoreCase("all")) {
      return Set.of();
    }
    try {
      return Arrays.stream(param.split(",")).map(s -> ActionState.valueOf(s.trim().toUpperCase(Locale.ROOT)))
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(ActionState.class)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("state is 'all' or a comma-separated list of " + Arrays.toString(ActionState.values()));
    }
  }

  private static int limit(@Nullable String param) {
    if (param == null || param.isBlank()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(param.trim());
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("limit is a whole number from 1 to 1000");
  }

  private static Set<String> roleSet(@Nullable String header) {
    if (header == null) {
      return Set.of();
    }
    return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
