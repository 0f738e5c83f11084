package io.isthmus.protocol.bacnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.isthmus.api.decode.Transport;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacnetDecoderTest {

  @Test
  void bacnetIpOnUdp47808ByDefault() {
    BacnetDecoder d = new BacnetDecoder(Set.of(47808));
    assertEquals("bacnet", d.protocol());
    assertEquals(Transport.UDP, d.transport());
    assertEquals(Set.of(47808), d.ports());
    assertEquals(47808, BacnetConfig.class.getDeclaredMethods()[0].getDefaultValue() instanceof int[] p ? p[0] : -1);
  }

  @Test
  void portsAreConfigurableAndChecked() {
    assertEquals(Set.of(47808, 47809), new BacnetDecoder(Set.of(47808, 47809)).ports());
    assertThrows(IllegalArgumentException.class, () -> new BacnetDecoder(Set.of(0)));
    assertThrows(IllegalArgumentException.class, () -> new BacnetDecoder(Set.of(65_536)));
  }
}
