package org.headend.audit.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.headend.audit.control.AuditLog;
import org.headend.audit.entity.AuditQuery;
import org.headend.platform.ApiException;
import org.headend.platform.Paging;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.omnifaces.util.Faces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log page (admins only): filter by user, object and time, page through, export as CSV. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditLog log;

    @Inject
    transient CallerRoles caller;

    private String user;
    private String object;
    private String from;
    private String to;
    private AuditQuery query = AuditQuery.parse(null, null, null, null);

    private final LazyDataModel<AuditJson> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, log.count(query));
        }

        @Override
        public List<AuditJson> load(
                int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
            return log.search(query, new Paging(first / Math.max(1, pageSize), pageSize)).stream()
                    .map(AuditJson::of)
                    .toList();
        }
    };

    public void search() {
        try {
            caller.requireAdmin();
            query = AuditQuery.parse(user, object, from, to);
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, "audit:");
        }
    }

    public void exportCsv() throws IOException {
        caller.requireAdmin();
        byte[] csv = Csv.audit(log.search(query, new Paging(0, Csv.MAX_ROWS))).getBytes(StandardCharsets.UTF_8);
        Faces.sendFile(csv, "headend-audit.csv", true);
    }

    public LazyDataModel<AuditJson> getEntries() {
        return entries;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
