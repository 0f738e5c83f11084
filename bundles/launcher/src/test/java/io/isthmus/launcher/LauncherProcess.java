package io.isthmus.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged launcher run as its own process, as a user runs it. */
final class LauncherProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path dir;
  final int port;
  private final Process process;

  private LauncherProcess(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static Path launcherJar() throws IOException {
    Path target = Paths.get("target");
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("isthmus-launcher-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IOException("launcher jar not built in " + target.toAbsolutePath()));
    }
  }

  static List<String> command(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms32m", "-jar", launcherJar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static LauncherProcess run(Path dir, String... extra) throws IOException {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("run", "--data-dir", dir.resolve("data").toString(), "--http-port",
        Integer.toString(port)));
    args.addAll(List.of(extra));
    Process p = new ProcessBuilder(command(args.toArray(String[]::new)))
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    return new LauncherProcess(dir, port, p);
  }

  Path deploy() {
    return dir.resolve("data").resolve("deploy");
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + auth)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the health endpoint until the body satisfies {@code condition}; returns the last body. */
  String awaitHealth(Predicate<String> condition, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("launcher exited with " + process.exitValue() + ": " + stderr());
      }
      try {
        HttpResponse<String> r = get("/api/v1/health");
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 && condition.test(r.body())) {
          return r.body();
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("health did not reach the expected state in " + timeout + "; last: " + last);
  }

  /** Sends SIGTERM and waits for the process to end; returns its exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("launcher did not stop within 90 s of SIGTERM");
    }
    return process.exitValue();
  }

  String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout.txt"));
  }

  String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.txt"));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
