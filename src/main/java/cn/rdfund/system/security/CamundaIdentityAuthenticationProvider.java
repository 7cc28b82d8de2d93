package cn.rdfund.system.security;

import cn.rdfund.bureau.LeadUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final RecentBasicLogins recentLogins;
    private final LoginAttempts loginAttempts;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, RecentBasicLogins recentLogins,
            LoginAttempts loginAttempts) {
        this.identityService = identityService;
        this.recentLogins = recentLogins;
        this.loginAttempts = loginAttempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        String password = credentials.toString();
        CamundaUser user = remembered(userId, password).orElseGet(() -> checked(userId, password));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user.groupIds()));
    }

    /**
     * A login remembered from the last few seconds. It skips the hash and the group lookup, not the throttle: from a
     * source that must wait it is refused with the right password too (and then checked, and refused, as usual).
     */
    private Optional<CamundaUser> remembered(String userId, String password) {
        Optional<CamundaUser> remembered = recentLogins.find(userId, password);
        if (remembered.isPresent() && !loginAttempts.check(userId, () -> true)) {
            return Optional.empty();
        }
        return remembered;
    }

    private CamundaUser checked(String userId, String password) {
        long changesBefore = recentLogins.changesSoFar();
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        CamundaUser user = new CamundaUser(userId, identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
        recentLogins.remember(userId, password, user, changesBefore);
        return user;
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
