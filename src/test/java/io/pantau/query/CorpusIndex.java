package io.pantau.query;

import io.pantau.text.Fold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The {@link Corpus} in an in-memory Lucene index laid out as {@link LuceneCompiler} expects. */
public final class CorpusIndex implements AutoCloseable {
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int[] idOf;

  public CorpusIndex(List<Corpus.Doc> docs) {
    Map<String, Analyzer> stemFields = new HashMap<>();
    for (String stemmer : QueryText.STEMMERS) {
      stemFields.put(
          LuceneCompiler.stemField(LuceneCompiler.TITLE, stemmer), QueryText.stemAnalyzer());
      stemFields.put(
          LuceneCompiler.stemField(LuceneCompiler.BODY, stemmer), QueryText.stemAnalyzer());
    }
    try (Analyzer analyzer = new PerFieldAnalyzerWrapper(QueryText.analyzer(), stemFields);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Corpus.Doc doc : docs) {
        writer.addDocument(document(doc));
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher = new IndexSearcher(reader);
    // One segment, so a document number stays valid for the life of the reader.
    idOf = new int[reader.maxDoc()];
    try {
      for (int doc = 0; doc < idOf.length; doc++) {
        idOf[doc] = searcher.storedFields().document(doc).getField("id").numericValue().intValue();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(Corpus.Doc doc) {
    Document d = new Document();
    d.add(new StoredField("id", doc.id()));
    d.add(new TextField(LuceneCompiler.TITLE, Fold.fold(doc.title()), Field.Store.NO));
    d.add(new TextField(LuceneCompiler.BODY, Fold.fold(doc.body()), Field.Store.NO));
    // The stems of the article's own language, as the index and the monitor keep them.
    List<String> lang = doc.exact().getOrDefault("lang", List.of());
    String stemmer = lang.isEmpty() ? null : QueryText.stemmerFor(lang.get(0));
    if (stemmer != null) {
      d.add(
          new TextField(
              LuceneCompiler.stemField(LuceneCompiler.TITLE, stemmer),
              QueryText.stemmedText(stemmer, Fold.fold(doc.title())),
              Field.Store.NO));
      d.add(
          new TextField(
              LuceneCompiler.stemField(LuceneCompiler.BODY, stemmer),
              QueryText.stemmedText(stemmer, Fold.fold(doc.body())),
              Field.Store.NO));
    }
    for (Map.Entry<String, List<String>> e : doc.exact().entrySet()) {
      for (String value : e.getValue()) {
        d.add(new StringField(e.getKey(), QueryText.exact(value), Field.Store.NO));
      }
    }
    return d;
  }

  /** Ids of the documents the query matches. */
  public Set<Integer> search(org.apache.lucene.search.Query query) {
    try {
      Set<Integer> ids = new TreeSet<>();
      searcher.search(
          query,
          new SimpleCollector() {
            @Override
            public void collect(int doc) {
              ids.add(idOf[doc]);
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
