package io.pantau.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pantau.ingest.ItemResult;
import java.util.List;

/** The answer to a submission: one item per submitted article, in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestAnswer(Integer accepted, Integer rejected, List<Item> items) {

  /** What became of one article. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(String id, String status, String error, Integer line) {
    static Item of(ItemResult r, Integer line) {
      return new Item(r.id(), r.status().name(), r.error(), line);
    }
  }

  /** 201 when every accepted article is already stored, 202 when some are still queued. */
  int httpStatus() {
    boolean queued = items.stream().anyMatch(i -> "queued".equals(i.status()));
    return queued ? 202 : 201;
  }
}
