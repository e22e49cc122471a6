package io.pantau.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fifty short articles written for the query tests: two languages, accents, hyphens, repeats. */
public final class Corpus {
  /** One article as the alert matcher will see it; exact fields as stored (original case). */
  public record Doc(int id, String title, String body, Map<String, List<String>> exact) {
    /** The document as an article: its text, language, source, story, keywords and entities. */
    public io.pantau.article.Article.Builder article() {
      return io.pantau.article.Article.builder()
          .id(Integer.toString(id))
          .title(title)
          .body(body)
          .source(first("source"))
          .publisher(first("publisher"))
          .lang(first("lang"))
          .storyId(first("story"))
          .keywords(exact.getOrDefault("keyword", List.of()))
          .entities(
              new io.pantau.article.Entities(
                  exact.getOrDefault("person", List.of()),
                  exact.getOrDefault("org", List.of()),
                  exact.getOrDefault("place", List.of())));
    }

    private String first(String key) {
      List<String> values = exact.get(key);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private Corpus() {}

  public static final List<Doc> DOCS = build();

  private static List<Doc> build() {
    List<Doc> d = new ArrayList<>();
    add(
        d,
        1,
        "id",
        "Kompas",
        "Presiden Jokowi meresmikan jalan tol",
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada hari Senin.",
        "person=Joko Widodo;org=Kementerian PUPR;place=Jawa Tengah;keyword=jalan tol;story=s-tol");
    add(
        d,
        2,
        "id",
        "Detik",
        "Harga beras naik lagi",
        "Harga beras di pasar tradisional naik lagi. Pedagang beras mengeluh, pembeli beras juga.",
        "keyword=beras;keyword=harga pangan;place=Jakarta;story=s-beras");
    add(
        d,
        3,
        "en",
        "Reuters",
        "China-Kazakhstan pipeline deal signed",
        "China and Kazakhstan signed a pipeline deal. President Tokayev attended the ceremony.",
        "person=Kassym-Jomart Tōkayev;place=Kazakhstan;place=China;org=CNPC;story=s-pipe");
    add(
        d,
        4,
        "en",
        "Reuters",
        "Tōkayev meets Xi Jinping in Astana",
        "Kazakh president Kassym-Jomart Tōkayev met Xi Jinping. The China Kazakhstan talks covered energy.",
        "person=Kassym-Jomart Tōkayev;person=Xi Jinping;place=Astana;story=s-pipe");
    add(
        d,
        5,
        "id",
        "Tempo",
        "Bank Indonesia menahan suku bunga",
        "Bank Indonesia (BI) menahan suku bunga acuan di 6 persen. Bank bank swasta menyesuaikan.",
        "org=Bank Indonesia;keyword=suku bunga;story=s-bi");
    add(
        d,
        6,
        "en",
        "Jakarta Post",
        "Bank Indonesia holds rates",
        "Bank Indonesia held its benchmark rate. Banks welcomed the decision; the rupiah rose.",
        "org=Bank Indonesia;keyword=interest rates;place=Jakarta;story=s-bi");
    add(
        d,
        7,
        "id",
        "Kompas",
        "Banjir melanda Jakarta Utara",
        "Banjir setinggi satu meter melanda Jakarta Utara. Warga mengungsi ke masjid.",
        "place=Jakarta Utara;keyword=banjir;story=s-banjir");
    add(
        d,
        8,
        "id",
        "Detik",
        "Jakarta banjir lagi, warga kesal",
        "Hujan deras membuat Jakarta banjir lagi. Gubernur berjanji memperbaiki drainase.",
        "place=Jakarta;keyword=banjir;story=s-banjir");
    add(
        d,
        9,
        "en",
        "BBC",
        "São Paulo café prices soar",
        "Café owners in São Paulo say coffee prices soared after the drought in Brazil.",
        "place=São Paulo;place=Brazil;keyword=coffee");
    add(
        d,
        10,
        "en",
        "BBC",
        "Sao Paulo coffee exports fall",
        "Coffee exports from Sao Paulo fell. Exporters blame the strong real.",
        "place=Sao Paulo;keyword=coffee");
    add(
        d,
        11,
        "id",
        "Antara",
        "Kerja sama Indonesia-Malaysia diperkuat",
        "Indonesia dan Malaysia sepakat memperkuat kerja sama perbatasan. Kerja keras diperlukan.",
        "place=Malaysia;place=Indonesia;keyword=kerja sama;org=ASEAN");
    add(
        d,
        12,
        "id",
        "Antara",
        "Lowongan kerja untuk lulusan baru",
        "Pemerintah membuka lowongan kerja. Para pencari kerja diminta mendaftar secara daring.",
        "keyword=lowongan kerja");
    add(
        d,
        13,
        "en",
        "Reuters",
        "Pérez wins the election",
        "Carlos Pérez won the election with 52 percent. His rival conceded on Sunday.",
        "person=Carlos Pérez;keyword=election");
    add(
        d,
        14,
        "en",
        "AP",
        "Perez concedes nothing",
        "Opposition leader Perez said the count was not over. Election officials disagreed.",
        "person=Carlos Perez;keyword=election");
    add(
        d,
        15,
        "id",
        "Tempo",
        "Anak-anak kembali ke sekolah",
        "Anak anak kembali ke sekolah setelah libur panjang. Guru menyambut anak-anak dengan gembira.",
        "keyword=pendidikan;place=Bandung");
    add(
        d,
        16,
        "id",
        "Kompas",
        "Kura-kura langka ditemukan",
        "Seekor kura-kura langka ditemukan di pantai Bali. Kura kura itu dilepas kembali.",
        "place=Bali;keyword=satwa");
    add(
        d,
        17,
        "en",
        "AP",
        "The the typo conference",
        "Editors discussed the the problem: repeated words slip through. The editors laughed.",
        "keyword=editing");
    add(
        d,
        18,
        "en",
        "Guardian",
        "Jokowi visits Kyiv",
        "Indonesian president Jokowi visited Kyiv and met Zelensky to discuss peace.",
        "person=Joko Widodo;person=Volodymyr Zelensky;place=Kyiv;story=s-kyiv");
    add(
        d,
        19,
        "id",
        "Kompas",
        "Jokowi bertemu Zelensky di Kyiv",
        "Presiden Jokowi bertemu Presiden Zelensky di Kyiv untuk membahas perdamaian.",
        "person=Joko Widodo;person=Volodymyr Zelensky;place=Kyiv;story=s-kyiv");
    add(
        d,
        20,
        "en",
        "Reuters",
        "Oil prices rise on supply fears",
        "Oil prices rose as supply fears grew. Brent crude climbed 3.5% to 85 dollars.",
        "keyword=oil;org=OPEC");
    add(
        d,
        21,
        "en",
        "Reuters",
        "OPEC cuts output",
        "OPEC agreed to cut output. Prices of oil jumped after the cut was announced.",
        "keyword=oil;org=OPEC");
    add(
        d,
        22,
        "id",
        "Detik",
        "Harga minyak dunia turun",
        "Harga minyak dunia turun tajam. Pemerintah memantau harga BBM dalam negeri.",
        "keyword=minyak;keyword=harga pangan");
    add(
        d,
        23,
        "en",
        "BBC",
        "Climate summit ends without deal",
        "The climate summit ended without a deal on coal. Activists called it a failure.",
        "keyword=climate;keyword=coal");
    add(
        d,
        24,
        "id",
        "Tempo",
        "Pemilu 2024: KPU umumkan hasil",
        "Komisi Pemilihan Umum (KPU) mengumumkan hasil pemilu 2024 pada 20 Maret.",
        "org=KPU;keyword=pemilu;story=s-pemilu");
    add(
        d,
        25,
        "id",
        "Kompas",
        "Hasil pemilu digugat ke MK",
        "Hasil pemilu digugat ke Mahkamah Konstitusi. KPU siap menghadapi gugatan.",
        "org=KPU;org=Mahkamah Konstitusi;keyword=pemilu;story=s-pemilu");
    add(
        d,
        26,
        "en",
        "AP",
        "Earthquake hits Sulawesi",
        "A magnitude 6.2 earthquake hit Sulawesi. No tsunami warning was issued.",
        "place=Sulawesi;keyword=earthquake");
    add(
        d,
        27,
        "id",
        "Antara",
        "Gempa guncang Sulawesi",
        "Gempa bermagnitudo 6,2 mengguncang Sulawesi. BMKG menyatakan tidak berpotensi tsunami.",
        "place=Sulawesi;org=BMKG;keyword=gempa");
    add(
        d,
        28,
        "en",
        "Guardian",
        "Tech layoffs continue",
        "Technology companies announced more layoffs. Technical staff and tech workers were hit.",
        "keyword=technology");
    add(
        d,
        29,
        "id",
        "Detik",
        "Teknologi AI di sekolah",
        "Sekolah mulai memakai teknologi AI. Guru dan siswa belajar bersama.",
        "keyword=teknologi;keyword=pendidikan");
    add(
        d,
        30,
        "en",
        "Reuters",
        "Apple and Google face EU fines",
        "The European Commission fined Apple and Google. Google said it would appeal.",
        "org=Apple;org=Google;org=European Commission");
    add(
        d,
        31,
        "en",
        "AP",
        "Google appeals, Apple pays",
        "Apple paid the fine while Google appealed. Analysts expected both to pay eventually.",
        "org=Apple;org=Google");
    add(
        d,
        32,
        "en",
        "BBC",
        "Not guilty verdict in Jakarta",
        "A Jakarta court found the official not guilty. Prosecutors and or the defence may appeal.",
        "place=Jakarta");
    add(
        d,
        33,
        "id",
        "Kompas",
        "Tidak ada dan atau tetapi",
        "Kata and, or, dan not ditulis dalam huruf kecil di kalimat ini.",
        "keyword=bahasa");
    add(
        d,
        34,
        "en",
        "Guardian",
        "Résumé tips for graduates",
        "A good résumé is short. Recruiters read a resume in six seconds.",
        "keyword=jobs");
    add(
        d,
        35,
        "id",
        "Tempo",
        "Menteri Sri Mulyani soal APBN",
        "Menteri Keuangan Sri Mulyani Indrawati menyebut APBN masih sehat.",
        "person=Sri Mulyani Indrawati;org=Kementerian Keuangan;keyword=APBN");
    add(
        d,
        36,
        "en",
        "Reuters",
        "Sri Mulyani says budget is healthy",
        "Finance minister Sri Mulyani Indrawati said the budget deficit stays below 3 percent.",
        "person=Sri Mulyani Indrawati;keyword=budget");
    add(
        d,
        37,
        "id",
        "Detik",
        "Timnas menang 2-1",
        "Timnas Indonesia menang 2-1 atas Vietnam. Gol kemenangan dicetak di menit akhir.",
        "keyword=sepak bola;place=Vietnam");
    add(
        d,
        38,
        "en",
        "AP",
        "Indonesia beats Vietnam 2-1",
        "Indonesia beat Vietnam 2-1 in a thrilling match. The winning goal came late.",
        "keyword=football;place=Vietnam");
    add(
        d,
        39,
        "id",
        "Antara",
        "Jum'at berkah di masjid",
        "Warga berbagi makanan pada hari Jum'at di masjid raya.",
        "keyword=sosial");
    add(
        d,
        40,
        "en",
        "BBC",
        "Don't panic, says central bank",
        "The central bank told markets don't panic as the currency fell.",
        "keyword=currency");
    add(
        d,
        41,
        "en",
        "Reuters",
        "Shipping rates rise in Strait of Malacca",
        "Shipping rates through the Strait of Malacca rose. Malacca traders cited piracy risk.",
        "place=Strait of Malacca;keyword=shipping");
    add(
        d,
        42,
        "id",
        "Kompas",
        "Ekspor batu bara meningkat",
        "Ekspor batu bara Indonesia meningkat ke China dan India. Batu bara tetap andalan.",
        "keyword=batu bara;place=China;place=India");
    add(
        d,
        43,
        "en",
        "Guardian",
        "Coal exports to China rise",
        "Indonesian coal exports to China rose. Coal remains the country's top export.",
        "keyword=coal;place=China");
    add(
        d,
        44,
        "id",
        "Tempo",
        "Presiden Prabowo lantik menteri",
        "Presiden Prabowo Subianto melantik menteri baru. Prabowo meminta kerja cepat.",
        "person=Prabowo Subianto;story=s-kabinet");
    add(
        d,
        45,
        "en",
        "Reuters",
        "Prabowo names new ministers",
        "President Prabowo Subianto named new ministers and asked them to work fast.",
        "person=Prabowo Subianto;story=s-kabinet");
    add(
        d,
        46,
        "en",
        "AP",
        "Übermensch exhibition in Zürich",
        "An exhibition in Zürich explores the Übermensch idea. Zurich critics were unimpressed.",
        "place=Zürich;keyword=art");
    add(
        d,
        47,
        "id",
        "Detik",
        "Harga cabai meroket jelang Lebaran",
        "Harga cabai rawit meroket jelang Lebaran. Cabai merah juga naik, harga bawang stabil.",
        "keyword=cabai;keyword=harga pangan");
    add(
        d,
        48,
        "en",
        "BBC",
        "Price of chili peppers soars",
        "Chili prices soared before Eid. Prices of shallots stayed stable, price watchers said.",
        "keyword=chili");
    add(
        d,
        49,
        "id",
        "Kompas",
        "Kereta cepat Jakarta-Bandung beroperasi",
        "Kereta cepat Jakarta-Bandung mulai beroperasi. Waktu tempuh Jakarta Bandung 40 menit.",
        "place=Jakarta;place=Bandung;keyword=kereta cepat");
    add(
        d,
        50,
        "en",
        "Reuters",
        "High-speed rail Jakarta Bandung opens",
        "The Jakarta-Bandung high-speed railway opened. Bandung residents welcomed the railway.",
        "place=Jakarta;place=Bandung;keyword=high-speed rail");
    return List.copyOf(d);
  }

  private static void add(
      List<Doc> docs, int id, String lang, String source, String title, String body, String exact) {
    Map<String, List<String>> values = new TreeMap<>();
    values.put("source", List.of(source));
    values.put("lang", List.of(lang));
    values.put("publisher", List.of(source + " Media"));
    for (String pair : exact.split(";")) {
      String[] kv = pair.split("=", 2);
      values.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }
    values.replaceAll((k, v) -> List.copyOf(v));
    docs.add(new Doc(id, title, body, Map.copyOf(values)));
  }
}
