package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.ProtocolDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code isthmus decode} inside the framework. Registered under a JDK type so the launcher,
 * outside the framework, can call it with a {@link DecodeRequest} map; returns the exit code.
 * Uses the protocol decoders registered when it is called.
 */
@Component(service = Function.class, property = DecodeService.PROPERTY + "=decode")
public final class DecodeService implements Function<Map<String, Object>, Integer> {
  static final String PROPERTY = "isthmus.command";

  private final List<ProtocolDecoder> decoders = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDecoder(ProtocolDecoder decoder) {
    decoders.add(decoder);
  }

  void removeDecoder(ProtocolDecoder decoder) {
    decoders.remove(decoder);
  }

  @Override
  public Integer apply(Map<String, Object> params) {
    DecodeRequest request;
    try {
      request = DecodeRequest.from(params);
    } catch (RuntimeException e) {
      Object err = params.get("err");
      (err instanceof java.io.PrintStream p ? p : System.err).println("isthmus: bad decode request: " + e.getMessage());
      return DecodeRun.USAGE;
    }
    return new DecodeRun(request, List.copyOf(decoders)).run();
  }
}
