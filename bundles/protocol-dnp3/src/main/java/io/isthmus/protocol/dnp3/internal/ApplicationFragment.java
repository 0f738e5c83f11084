package io.isthmus.protocol.dnp3.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decoded application fragment.
 *
 * @param control the application control octet: FIR 0x80, FIN 0x40, CON 0x20, UNS 0x10, SEQ 0x0f
 * @param function the function code
 * @param iin the internal indications of a response (IIN1 in the high octet), -1 for a request
 * @param headers the object headers, in order, up to the first one that could not be walked past
 * @param controls the control blocks (CROB, PCB, analog output blocks) in the objects
 * @param weird the weird name of the first problem found, or {@code null}
 * @param problem what that problem is, or {@code null} when the fragment decoded cleanly
 */
record ApplicationFragment(int control, int function, int iin, List<ObjectHeader> headers,
    List<ControlBlock> controls, @Nullable String weird, @Nullable String problem) {

  boolean first() {
    return (control & 0x80) != 0;
  }

  boolean fin() {
    return (control & 0x40) != 0;
  }

  boolean confirm() {
    return (control & 0x20) != 0;
  }

  boolean unsolicited() {
    return (control & 0x10) != 0;
  }

  int sequence() {
    return control & 0x0f;
  }

  boolean isResponse() {
    return FunctionCodes.isResponse(function);
  }
}
