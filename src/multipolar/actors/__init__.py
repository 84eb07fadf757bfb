"""Who is named: the actor knowledge base, mention scanning, resolution at a date, coreference."""
