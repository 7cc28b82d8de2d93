package cn.rdfund.system.security;

import cn.rdfund.bureau.LeadUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so the REST APIs and the
 * webapps share one set of users. Authorities are the user's Camunda group ids, plus
 * {@link Groups#PROGRAM_MANAGERS} for members of any lead unit's group.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return UsernamePasswordAuthenticationToken.authenticated(
                new CamundaUser(userId, groupIds), null, authorities(groupIds));
    }

    static List<GrantedAuthority> authorities(List<String> groupIds) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        groupIds.forEach(id -> authorities.add(new SimpleGrantedAuthority(id)));
        if (groupIds.stream().anyMatch(id -> LeadUnit.ofGroup(id).isPresent())) {
            authorities.add(new SimpleGrantedAuthority(Groups.PROGRAM_MANAGERS));
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
