package io.isthmus.governance.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/** What the governance servlets read from a request and how they answer. */
final class HttpExchange {

  private HttpExchange() {}

  static Map<String, String> query(HttpServletRequest req) {
    Map<String, String> query = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0]));
    return query;
  }

  /** The body of a POST, read up to just past {@link ApprovalsApi#MAX_BODY} characters. */
  static String body(HttpServletRequest req) throws IOException {
    StringBuilder body = new StringBuilder();
    if ("POST".equals(req.getMethod())) {
      try (Reader in = req.getReader()) {
        char[] buffer = new char[4096];
        for (int n; (n = in.read(buffer)) > 0 && body.length() <= ApprovalsApi.MAX_BODY; ) {
          body.append(buffer, 0, n);
        }
      }
    }
    return body.toString();
  }

  static void answer(HttpServletResponse resp, ApprovalsApi.Response r) throws IOException {
    resp.setStatus(r.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    // Text from requests (comments, reasons) is echoed back unescaped for HTML: never let a browser sniff it as a page.
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.getWriter().write(r.json());
  }
}
