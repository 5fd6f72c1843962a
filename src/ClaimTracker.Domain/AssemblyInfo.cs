namespace ClaimTracker.Domain;
