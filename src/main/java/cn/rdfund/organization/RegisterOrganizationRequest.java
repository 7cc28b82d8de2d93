package cn.rdfund.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RegisterOrganizationRequest(
        @NotBlank(message = "请填写统一社会信用代码") @ValidUscc String uscc,
        @NotBlank(message = "请填写单位名称") @Size(max = 200, message = "单位名称不超过200字") String name,
        @NotNull(message = "请选择单位类型") OrganizationKind kind,
        District district) {
}
