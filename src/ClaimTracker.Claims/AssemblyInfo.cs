namespace ClaimTracker.Claims;
