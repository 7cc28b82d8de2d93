package cn.rdfund.system;

import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CurrentUserResource {

    record CurrentUser(String id, List<String> groups) {
    }

    @GetMapping("/api/me")
    CurrentUser me(@AuthenticationPrincipal CamundaUser user) {
        return new CurrentUser(user.id(), user.groupIds());
    }
}
