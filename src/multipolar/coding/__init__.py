"""From sentences to events: the parser, the verb dictionary, the event coder, quantities, evaluation."""
