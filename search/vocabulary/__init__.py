"""The shared vocabulary: NACE Rev. 2 sectors and a bilingual thesaurus of competences (platform data)."""
