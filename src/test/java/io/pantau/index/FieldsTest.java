package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link Fields} names exactly the fields and sub-fields the article mapping declares. */
class FieldsTest {

  @Test
  void everyMappedFieldHasOneConstantAndEveryConstantAMappedField() throws Exception {
    JsonNode mapping;
    try (InputStream in = Fields.class.getResourceAsStream(IndexNames.ARTICLES_MAPPING)) {
      mapping = new ObjectMapper().readTree(in);
    }
    TreeSet<String> mapped = new TreeSet<>();
    collect(mapping.path("properties"), "", mapped);

    TreeSet<String> named = new TreeSet<>();
    int constants = 0;
    for (Field f : Fields.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
        named.add((String) f.get(null));
        constants++;
      }
    }
    assertEquals(mapped, named);
    assertEquals(named.size(), constants, "each field is named once");
  }

  private static void collect(JsonNode properties, String prefix, TreeSet<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      out.add(path);
      for (Iterator<String> sub = e.getValue().path("fields").fieldNames(); sub.hasNext(); ) {
        out.add(path + "." + sub.next());
      }
      collect(e.getValue().path("properties"), path + ".", out);
    }
  }
}
