package io.pantau.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Indonesian stems: a root list first, then Lucene's rule-based stemmer with its nasal prefixes
 * repaired.
 *
 * <p>Lucene's {@code IndonesianStemmer} (after Tala's algorithm) strips particles ({@code -lah},
 * {@code -kah}, {@code -pun}), possessives ({@code -ku}, {@code -mu}, {@code -nya}), prefixes and
 * suffixes, but with no word list it cannot know which letter a nasal prefix swallowed: it stems
 * {@code memukul} to {@code ukul} although {@code pukul} is the root, and {@code menilai} to {@code
 * ila}. It also cuts roots that merely end like a suffix ({@code pantai} to {@code panta}, {@code
 * masalah} to {@code masa}) or begin like a prefix ({@code media} to {@code dia}).
 *
 * <p>So a word is first split as prefix + root + suffixes for every prefix it starts with (the
 * nasal ones also with the dropped consonant restored) and every suffix chain it ends with; a root
 * found in {@code id-roots.txt} is the stem. Otherwise Lucene's stem stands, and where the word
 * began with a nasal prefix before a vowel, the consonant that prefix drops by rule is put back:
 * {@code men-}/{@code pen-} drop {@code t}, {@code mem-}/{@code pem-} drop {@code p}, {@code
 * meny-}/{@code peny-} drop {@code s}; {@code meng-}/{@code peng-} drop {@code k} only from roots
 * the list names, since vowel-initial roots take the same prefix.
 */
final class IndonesianStemmer {
  static final String ROOTS = "/io/pantau/analysis/id-roots.txt";

  /** Prefixes and prefix chains, shortest first, so the plainest split is tried first. */
  private static final List<String> PREFIXES =
      List.of(
          "", "di", "ke", "se", "be", "pe", "me", "ter", "ber", "per", "men", "mem", "pen", "pem",
          "meng", "meny", "peng", "peny", "diper", "keber", "keter", "penge", "menge", "memper",
          "pember", "pemer", "diber", "seper");

  /** Suffix, then possessive, then particle, each optional: every ending a root may carry. */
  private static final List<String> TAILS = tails();

  private static final ThreadLocal<org.apache.lucene.analysis.id.IndonesianStemmer> LUCENE =
      ThreadLocal.withInitial(org.apache.lucene.analysis.id.IndonesianStemmer::new);

  private final Set<String> roots;

  IndonesianStemmer(Collection<String> roots) {
    this.roots = Set.copyOf(roots);
  }

  /** The stemmer with the shipped root list. */
  static IndonesianStemmer standard() {
    return new IndonesianStemmer(readRoots());
  }

  String stem(String word) {
    String known = knownRoot(word);
    if (known != null) {
      return known;
    }
    char[] chars = word.toCharArray();
    int length = LUCENE.get().stem(chars, chars.length, true);
    String stem = length <= 0 ? word : new String(chars, 0, length);
    return restoreNasal(word, stem);
  }

  /** A listed root that the word splits into, with its prefix and endings; null if none. */
  private String knownRoot(String word) {
    for (String prefix : PREFIXES) {
      if (!word.startsWith(prefix) || word.length() - prefix.length() < 2) {
        continue;
      }
      String rest = word.substring(prefix.length());
      for (String candidate : restorations(prefix, rest)) {
        for (String tail : TAILS) {
          if (candidate.length() - tail.length() >= 3 && candidate.endsWith(tail)) {
            String root = candidate.substring(0, candidate.length() - tail.length());
            if (roots.contains(root)) {
              return root;
            }
          }
        }
      }
    }
    return null;
  }

  /** What the rest of a word may have been before a nasal prefix joined it. */
  private static List<String> restorations(String prefix, String rest) {
    if (rest.isEmpty() || !isVowel(rest.charAt(0))) {
      return List.of(rest);
    }
    return switch (prefix) {
      case "meng", "peng" -> List.of("k" + rest, rest);
      case "meny", "peny" -> List.of("s" + rest);
      case "men", "pen" -> List.of("t" + rest);
      case "mem", "pem" -> List.of("p" + rest);
      default -> List.of(rest);
    };
  }

  /**
   * Puts back the consonant a nasal prefix dropped, where Lucene stripped the prefix and kept the
   * rest without it.
   */
  static String restoreNasal(String word, String stem) {
    if (word.length() < 5 || !(word.startsWith("me") || word.startsWith("pe"))) {
      return stem;
    }
    String nasal;
    if (word.startsWith("ng", 2)) {
      nasal = "ng";
    } else if (word.startsWith("ny", 2)) {
      nasal = "ny";
    } else if (word.charAt(2) == 'n' || word.charAt(2) == 'm') {
      nasal = word.substring(2, 3);
    } else {
      return stem;
    }
    int restAt = 2 + nasal.length();
    if (restAt >= word.length() || !isVowel(word.charAt(restAt))) {
      return stem;
    }
    String rest = word.substring(restAt);
    String core;
    if (rest.startsWith(stem)) {
      core = stem;
    } else if (stem.length() > 1 && rest.startsWith(stem.substring(1))) {
      core = stem.substring(1); // Lucene put back a consonant itself (peny-, pen-)
    } else {
      return stem;
    }
    return switch (nasal) {
      case "ny" -> "s" + core;
      case "n" -> "t" + core;
      case "m" -> "p" + core;
      default -> core;
    };
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static List<String> tails() {
    List<String> out = new ArrayList<>();
    for (String suffix : List.of("", "i", "kan", "an")) {
      for (String possessive : List.of("", "ku", "mu", "nya")) {
        for (String particle : List.of("", "lah", "kah", "pun")) {
          String tail = suffix + possessive + particle;
          if (!out.contains(tail)) {
            out.add(tail);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  static Set<String> readRoots() {
    Set<String> out = new HashSet<>();
    try (InputStream in = IndonesianStemmer.class.getResourceAsStream(ROOTS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOTS);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String words = hash >= 0 ? line.substring(0, hash) : line;
        for (String w : words.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            out.add(w);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
