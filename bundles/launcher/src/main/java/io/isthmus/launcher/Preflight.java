package io.isthmus.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the data directory and HTTP port before the runtime starts, so problems are one clear line. */
final class Preflight {
  private Preflight() {}

  static void dataDirectory(Path dir) {
    try {
      Files.createDirectories(dir.resolve("deploy"));
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot use data directory " + dir + ": " + describe(e));
    }
    Path probe = dir.resolve(".write-test");
    try {
      Files.writeString(probe, "ok");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot write to data directory " + dir + ": " + describe(e));
    }
  }

  static void port(String host, int port) {
    if (port == 0) {
      return;
    }
    if (port < 0 || port > 65_535) {
      throw new UsageException("HTTP port " + port + " is out of range (1-65535, or 0 for no HTTP)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UsageException("HTTP host '" + host + "' is not an address of this machine");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new UsageException("cannot listen on " + host + ":" + port + ": " + describe(e));
    }
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " exists and is not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
