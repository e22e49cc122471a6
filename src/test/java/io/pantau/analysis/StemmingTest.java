package io.pantau.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemmingTest {
  @ParameterizedTest
  @CsvSource({
    // affixes, confixes, possessives and particles around one root
    "banjir, banjir",
    "kebanjiran, banjir",
    "membanjiri, banjir",
    "dibanjiri, banjir",
    "banjirnya, banjir",
    "banjirlah, banjir",
    "pertanian, tani",
    // the consonant a nasal prefix dropped comes back (by rule, or from the root list)
    "memukul, pukul",
    "pemukulan, pukul",
    "menulis, tulis",
    "penulisan, tulis",
    "menyapu, sapu",
    "mengirim, kirim",
    "pengiriman, kirim",
    "mengambil, ambil",
    "menilai, nilai",
    "penilaian, nilai",
    "memasukkan, masuk",
    "memulai, mulai",
    // roots that end or begin like an affix stay whole
    "pantai, pantai",
    "pantainya, pantai",
    "sekolah, sekolah",
    "masalah, masalah",
    "media, media",
    "berita, berita",
    "pemberitaan, berita",
    "menteri, menteri",
    "kementerian, menteri",
    "ketua, ketua",
  })
  void indonesianWordsMeetAtTheirRoot(String word, String stem) {
    assertEquals(stem, Stemming.stem("id", word));
  }

  @ParameterizedTest
  @CsvSource({
    "flood, flood",
    "floods, flood",
    "flooded, flood",
    "flooding, flood",
    "approved, approv",
    "approves, approv",
    "minister's, minist",
    "minister’s, minist",
  })
  void englishWordsMeetAtTheirStem(String word, String stem) {
    assertEquals(stem, Stemming.stem("en", word));
  }

  @Test
  void unrelatedWordsStayApart() {
    assertNotEquals(Stemming.stem("id", "masalah"), Stemming.stem("id", "masa"));
    assertNotEquals(Stemming.stem("id", "media"), Stemming.stem("id", "dia"));
    assertNotEquals(Stemming.stem("id", "peserta"), Stemming.stem("id", "serta"));
    assertNotEquals(Stemming.stem("id", "pantai"), Stemming.stem("id", "pantau"));
  }

  @Test
  void numbersShortTokensAndOtherScriptsAreTheirOwnStem() {
    assertEquals("2024", Stemming.stem("id", "2024"));
    assertEquals("g20", Stemming.stem("en", "g20"));
    assertEquals("di", Stemming.stem("id", "di"));
  }

  @Test
  void languagesMapToStemmers() {
    assertEquals("id", Stemming.stemmerFor("id"));
    assertEquals("id", Stemming.stemmerFor("ms"));
    assertEquals("en", Stemming.stemmerFor("EN"));
    assertNull(Stemming.stemmerFor("fr"));
    assertNull(Stemming.stemmerFor(null));
    assertThrows(IllegalArgumentException.class, () -> Stemming.stem("fr", "maison"));
  }
}
