package io.isthmus.api.decode;

/** The transport a protocol runs over. */
public enum Transport {
  TCP,
  UDP
}
