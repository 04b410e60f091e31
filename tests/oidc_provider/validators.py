"""The claims Lont reads: e-mail (verified unless the user is in the group "unverified") and
``amr`` (with "mfa" when the user is in the group "mfa")."""

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "amr": "openid"}

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        groups = set(request.user.groups.values_list("name", flat=True))
        return {
            "email": request.user.email,
            "email_verified": "unverified" not in groups,
            "name": request.user.get_full_name(),
            "amr": ["pwd", "mfa"] if "mfa" in groups else ["pwd"],
        }
