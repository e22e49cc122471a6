package io.pantau.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signatureFromIntsEqualsTheSameSignatureFromBoxes() {
    int[] values = {7, -3, Integer.MAX_VALUE, 0};
    Fingerprint fromInts = Fingerprint.of(values, List.of("b00:00000001"));
    Fingerprint fromBoxes =
        new Fingerprint(List.of(7, -3, Integer.MAX_VALUE, 0), List.of("b00:00000001"));
    assertEquals(fromBoxes, fromInts);
    assertEquals(fromBoxes.hashCode(), fromInts.hashCode());
    assertEquals(List.of(7, -3, Integer.MAX_VALUE, 0), fromInts.minhash());
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], fromInts.minhash(i));
      assertEquals(values[i], fromBoxes.minhash(i));
    }
  }

  @Test
  void signatureIsACopyAndCannotBeChanged() {
    int[] values = {1, 2, 3};
    Fingerprint f = Fingerprint.of(values, List.of());
    values[0] = 99;
    assertEquals(1, f.minhash(0));
    List<Integer> boxes = new ArrayList<>(List.of(4, 5));
    Fingerprint g = new Fingerprint(boxes, List.of());
    boxes.set(0, 99);
    assertEquals(4, g.minhash(0));
    assertThrows(UnsupportedOperationException.class, () -> f.minhash().set(0, 5));
    assertThrows(
        NullPointerException.class, () -> new Fingerprint(Arrays.asList(1, null), List.of()));
  }

  @Test
  void emptyAndMissingSignaturesHaveNone() {
    assertFalse(Fingerprint.NONE.hasSignature());
    assertFalse(new Fingerprint(null, null).hasSignature());
    assertFalse(Fingerprint.of(new int[0], List.of()).hasSignature());
    assertTrue(Fingerprint.of(new int[] {1}, List.of()).hasSignature());
  }

  @Test
  void jsonRoundTripKeepsTheSignature() throws Exception {
    Fingerprint f = Fingerprint.of(new int[] {-1, 42, 1 << 30}, List.of("b01:deadbeef"));
    String json = JSON.writeValueAsString(f);
    assertEquals("{\"minhash\":[-1,42,1073741824],\"bands\":[\"b01:deadbeef\"]}", json);
    Fingerprint back = JSON.readValue(json, Fingerprint.class);
    assertEquals(f, back);
    assertEquals(42, back.minhash(1));
  }
}
