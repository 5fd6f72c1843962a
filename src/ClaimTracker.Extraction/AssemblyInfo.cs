namespace ClaimTracker.Extraction;
