"""Pure core: sentences, classification, extraction and state folds; no I/O, clock or Faust."""
