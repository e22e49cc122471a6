package io.pantau.clean;

/**
 * A run of text that the source laid out as one unit: a paragraph of plain text, or the text of one
 * HTML block. Line breaks inside it are kept, since credits and notices often share one block line
 * by line ("Pewarta: ...\nEditor: ...").
 *
 * @param text the text, lines separated by '\n'
 * @param caption the markup said it is a caption (figcaption)
 * @param heading the markup said it is a heading
 * @param item the markup said it is a list item or a table cell or row: short by nature, kept
 *     inside the story without the prose test
 */
record Block(String text, boolean caption, boolean heading, boolean item) {

  Block(String text, boolean caption, boolean heading) {
    this(text, caption, heading, false);
  }

  static Block of(String text) {
    return new Block(text, false, false);
  }
}
