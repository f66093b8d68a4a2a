from aid_requests.models.fulfilments import Fulfilment, FulfilmentItem
from aid_requests.models.households import Child, Household, HouseholdView
from aid_requests.models.offers import Offer
from aid_requests.models.requests import AidRequest, StatusEvent

__all__ = [
    "AidRequest",
    "Child",
    "Fulfilment",
    "FulfilmentItem",
    "Household",
    "HouseholdView",
    "Offer",
    "StatusEvent",
]
