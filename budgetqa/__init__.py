"""budget-qa: answers questions about Chinese government budget disclosures with cited figures."""
