// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.
/* eslint-disable */
export interface paths {
    "/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statechart as JSON and as a Mermaid diagram, with its timers and checklist */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every unit, by code */
        get: operations["listUnits"];
        put?: never;
        /** Add a street, a community (in a street) or a grid (in a community) */
        post: operations["createUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users by username: all for an admin, their own street for a supervisor */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add a user in a unit
         * @description A grid worker belongs to a grid, community police to a community, judicial officers, supervisors and panel members (with their institution) to a street. Admins create any role; a supervisor creates grid workers and community police of their own street only.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Deactivate, reactivate, reset the password, change role or unit
         * @description Each change is recorded in the account audit log, and every token of the account stops working.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account audit log, newest first, and whether its sealed chain is intact */
        get: operations["accountAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with a username and password for a bearer token
         * @description Send the token as `Authorization: Bearer <accessToken>` on every other call. It lasts expiresIn seconds (JWT_TTL); renew it with POST /auth/refresh.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A fresh access token for the same sign-in, until JWT_SESSION_MAX after it */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: every token of the account stops working (all devices) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one’s own password; other tokens stop working, a new one is returned */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every unit with its name, kind and parent, for naming places
         * @description Any signed-in user: the same list as listUnits, without the admin role. No user is named.
         */
        get: operations["listUnitNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cases the caller may see, newest first, filtered and paged
         * @description Page with page (1, 2, …) or, for walking a long list, with after (the nextCursor of the previous page), which stays fast at any depth. total is exact up to 10,000 matches (1,000 with text); beyond that it is the cap, with totalIsExact false (docs/api.md).
         */
        get: operations["listDisputes"];
        put?: never;
        /**
         * Open a case in a grid
         * @description Records the risk assessment: the checklist suggests a tier; a higher one may be requested freely, a lower one only with tierReason. Starts the first deadline.
         */
        post: operations["openDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: operations["getDispute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case's audit trail, oldest first
         * @description Every record is hash-chained to the one before it (see auditDispute). At most limit (default 500, max 1000) records after afterSeq: page on with the last record’s seq.
         */
        get: operations["listDisputeEvents"];
        put?: never;
        /**
         * Send the case an event
         * @description Steps the statechart with one event. The case, its audit record and its timers are written together or not at all. Send expectedVersion to refuse (409) if the case moved on since you read it; send an Idempotency-Key to make a retry safe.
         */
        post: operations["sendDisputeEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/allowed-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the caller may send now, and why the other events are refused
         * @description Each refused event has a stable `code` and `params` beside `reason`; `reason` is in Chinese when `Accept-Language` prefers it (zh-CN), in English otherwise.
         */
        get: operations["getAllowedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the case's hash-chained audit trail is intact */
        get: operations["verifyDisputeAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/timers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case's timers: scheduled, fired and cancelled, soonest first
         * @description At most limit (default 500, max 1000) timers after offset.
         */
        get: operations["listDisputeTimers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: operations["healthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe */
        get: operations["healthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the database and Redis answer
         * @description Redis down alone is degraded (200): timers wait, the API still answers.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (Bearer METRICS_TOKEN) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every unread notification read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A community's or street's weekly joint-meeting agenda
         * @description The latest stored agenda (built every Wednesday morning, or once now when there is none yet). fresh=true rebuilds it first, as POST /agenda/build does: supervisors and admins only, rate-limited. A street agenda has a section per community.
         */
        get: operations["getAgenda"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agenda/build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild the agenda of a community or street now (supervisors, rate-limited)
         * @description Reads every open case of the unit and replaces the stored agenda.
         */
        post: operations["buildAgenda"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts per tier and outcome, settlement shares and time per tier
         * @description Over the cases the caller may see, optionally of one unit and opened in [from, to).
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report queue: reports in the caller’s jurisdiction, most urgent then oldest first */
        get: operations["listReports"];
        put?: never;
        /** File a 社情 report (grid workers and volunteers in their grid, police in their community) */
        post: operations["fileReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report’s audit trail, oldest first */
        get: operations["getReportEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the report handled, with a note */
        post: operations["handleReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the follow-up to a member of the community team */
        post: operations["assignReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dispute intake form (POST /disputes fields) pre-filled from the report */
        get: operations["getReportIntake"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/community/reports/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn the report into a dispute in one step (the pre-filled form with these changes)
         * @description Opens the case through the same path and checks as POST /disputes; the case keeps reportId and the report becomes converted, in one transaction.
         */
        post: operations["convertReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communities/{code}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The community’s team, with team roles and gaps */
        get: operations["getTeam"];
        put?: never;
        /** Add a member with a team role (admin, or a supervisor of the street) */
        post: operations["addTeamMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communities/{code}/team/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every membership change, oldest first */
        get: operations["getTeamChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communities/{code}/team/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from the team */
        delete: operations["removeTeamMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/location": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Place a case on the map (recorded on its audit trail as LOCATION_SET) */
        put: operations["setDisputeLocation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/grids/{code}/boundary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a grid’s boundary (GeoJSON Polygon or MultiPolygon, lon/lat) */
        put: operations["setGridBoundary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A street’s map: grid boundaries with open and overdue counts, case and report points
         * @description Counts and points cover only the cases and reports the caller may see, so coordinates reach only those who may see the case. tier filters case points; category and the period (from, to) filter both.
         */
        get: operations["getMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff who may be named on the case
         * @description The street's judicial officers, lawyers and panel members; the case must be visible to the caller.
         */
        get: operations["listDisputeCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the risk assessment of an intake
         * @description Scores the checklist as POST /disputes would, and records nothing.
         */
        post: operations["previewTriage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The business calendar: working hours, the years covered, holidays and make-up days */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendar/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports an ICS file: each year it has all-day events for replaces that year
         * @description All-day events whose summary names a working day (班, 补班, 上班, "make-up working day") are make-up days; other all-day events are holidays; timed events are ignored. Re-times the deadlines each year moves in a background job, as PUT years/:year does.
         */
        post: operations["importCalendarIcs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets a year's holidays and make-up working days; re-times the deadlines it moves
         * @description The year replaces the shipped official one. A background job (the worker) then moves every scheduled working-time timer whose count changes, in its case, its timer row and its audit trail (DEADLINE_RETIMED); the answer names the job.
         */
        put: operations["putCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What happens next to the case, in plain words (Chinese or English)
         * @description Generated from the statechart and the timers armed now: each deadline with what the workflow does when it passes. Times are Beijing time.
         */
        get: operations["getDisputeNext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases about to breach their deadline (the last SUPERVISION_SHARE of it) or past it */
        get: operations["getSupervisionWatchList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's supervision notices, oldest first, with their acknowledgement */
        get: operations["listSupervisionNotices"];
        put?: never;
        /** Issues a supervision notice on a case: lands in the handlers' inboxes */
        post: operations["issueSupervisionNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/supervision/{noticeId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The handler acknowledges a supervision notice */
        post: operations["acknowledgeSupervisionNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's attachments, oldest first: who added each, when, size, type, SHA-256 */
        get: operations["listAttachments"];
        put?: never;
        /**
         * Attach evidence or a signed scan to a case
         * @description multipart/form-data with one part `file`. The type is sniffed from the content (JPEG, PNG, WebP, HEIC, PDF), never from the name; the SHA-256 goes on the audit trail as ATTACHMENT_ADDED in the same transaction as the row.
         */
        post: operations["addAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one attachment (withdrawn ones are hidden: 404) */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/attachments/{attachmentId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a mistaken upload: recorded as ATTACHMENT_WITHDRAWN, hidden, never erased */
        post: operations["withdrawAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documents the case's state makes available */
        get: operations["listDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/documents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document of the case file, in Chinese, as PDF (CJK font embedded) or DOCX
         * @description Generated from the case as the caller may see it: phone and ID numbers are unmasked only for the handlers of an open case. Headers X-Template-Version, X-Audit-Seq and X-Audit-Hash name the template and the audit record it was made from; the document prints them too.
         */
        get: operations["renderDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disputes/{id}/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case file as a ZIP a court can verify offline
         * @description Documents (PDF and DOCX), attachments, the audit trail as JSON, and manifest.json (each file's SHA-256 and the chain head) signed by manifest.sig (Ed25519). Check it with `node scripts/tricolor-verify.mjs bundle.zip --public-key <fingerprint>`. Masking as the case: numbers unmasked only for its handlers.
         */
        get: operations["downloadBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/casefile/signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public key that signs case-file bundles, for courts to pin */
        get: operations["bundleSigningKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 人民调解工作统计: a unit’s month as XLSX or CSV (by Accept or format=)
         * @description Accepted and closed cases by source, category and tier; mediated successfully and the success rate; written and oral agreements; amounts; performance at follow-up; judicial confirmations applied for and granted; cases settled at each tier (the 小事不出网格 share); overdue. Months are in Beijing time. Every figure can be rebuilt from the audit trail.
         */
        get: operations["monthlyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description One line of the intake checklist */
        RiskIndicator: {
            /**
             * @description Send it in riskIndicators
             * @example threat_of_violence
             */
            code: string;
            /** @example threat of violence */
            label: string;
            description?: string;
            weight: number;
        };
        /** @description The statechart as data and as a Mermaid diagram, with its timers and checklist */
        Workflow: {
            /** @example dispute */
            id: string;
            /** @description Raised with every change to the statechart */
            version: number;
            /** @description States, transitions, guards and timers as JSON (docs/statechart.md) */
            statechart: {
                [key: string]: unknown;
            };
            /** @description The same statechart as a Mermaid stateDiagram */
            mermaid: string;
            /** @description Each timed state's timers: kind, setting, event fired, reminder */
            timers: {
                [key: string]: {
                    [key: string]: unknown;
                }[];
            };
            /** @description The default intake checklist */
            riskIndicators: components["schemas"]["RiskIndicator"][];
        };
        /** @description One problem with one field of the request */
        FieldError: {
            /**
             * @description Dotted path of the field (`parties.1.name`); `body` for the whole body
             * @example parties.1.name
             */
            field: string;
            /** @example parties.1.name must be a string */
            message: string;
            /**
             * @description The problem's stable code (docs/api.md, "Field problem codes"); `INVALID_INPUT` for a check whose sentence says what is wrong
             * @example MUST_BE_TEXT
             * @enum {string}
             */
            code?: "MUST_BE_TEXT" | "REQUIRED" | "TOO_LONG" | "TOO_SHORT" | "NOT_ALLOWED_VALUE" | "BAD_FORMAT" | "TOO_SMALL" | "TOO_LARGE" | "MUST_BE_INTEGER" | "MUST_BE_NUMBER" | "MUST_BE_LIST" | "TOO_MANY_ITEMS" | "TOO_FEW_ITEMS" | "MUST_BE_BOOLEAN" | "MUST_BE_OBJECT" | "MUST_BE_DATE_TIME" | "MUST_BE_UUID" | "DATE_TOO_LATE" | "UNKNOWN_FIELD" | "INVALID_INPUT";
        };
        /** @description Every error: `message` is one string for people; a 400 for bad input also lists each field problem in `errors`. */
        ErrorBody: {
            /** @example 400 */
            statusCode: number;
            /**
             * @description The status text
             * @example Bad Request
             */
            error: string;
            /** @example title must be a string; amount must not be less than 0 */
            message: string;
            /** @description Each field problem (on 400s for bad input), at most 50 */
            errors?: components["schemas"]["FieldError"][];
        };
        CreateUnit: {
            /** @example S-01 */
            code: string;
            /** @example 八大湖街道 */
            name: string;
            /** @enum {string} */
            kind: "street" | "community" | "grid";
            /** @description Required for communities (a street) and grids (a community) */
            parentCode?: string;
        };
        /** @description A street, community or grid */
        Unit: {
            id: string;
            /** @example S-01 */
            code: string;
            /** @example 八大湖街道 */
            name: string;
            /** @enum {string} */
            kind: "street" | "community" | "grid";
            /** @description The street of a community, the community of a grid; null for a street */
            parentCode: string | null;
            /** @description The street it is in (its own code for a street) */
            streetCode: string;
            /** @description The community it is in (its own code for a community); null for a street */
            communityCode: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreateUser: {
            /** @example wang.grid */
            username: string;
            /**
             * Format: password
             * @description At least 10 characters, not the username, not a well-known one
             */
            password: string;
            /** @example 王网格员 */
            displayName: string;
            /** @enum {string} */
            role: "grid_worker" | "community_police" | "judicial_officer" | "lawyer" | "panel_member" | "supervisor" | "admin" | "auxiliary_police" | "volunteer";
            /** @description The unit the user works in */
            unitCode: string;
            /**
             * @description Required for panel members
             * @enum {string}
             */
            institution?: "police_station" | "judicial_office" | "law_firm" | "court";
        };
        /** @description A user account (never its password) */
        User: {
            id: string;
            /** @example wang.grid */
            username: string;
            /** @example 王网格员 */
            displayName: string;
            /** @enum {string} */
            role: "grid_worker" | "community_police" | "judicial_officer" | "lawyer" | "panel_member" | "supervisor" | "admin" | "auxiliary_police" | "volunteer";
            /** @description The unit whose cases the user works on */
            unitCode: string | null;
            /**
             * @description Set for panel members
             * @enum {string|null}
             */
            institution: "police_station" | "judicial_office" | "law_firm" | "court" | null;
            /** @description A deactivated user cannot log in */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        UpdateUserRequest: {
            /** @description false deactivates, true reactivates */
            active?: boolean;
            /**
             * Format: password
             * @description A reset: the new password (the same policy as on creation)
             */
            password?: string;
            /** @enum {string} */
            role?: "grid_worker" | "community_police" | "judicial_officer" | "lawyer" | "panel_member" | "supervisor" | "admin" | "auxiliary_police" | "volunteer";
            /** @description The new unit */
            unitCode?: string;
            /**
             * @description For panel members
             * @enum {string}
             */
            institution?: "police_station" | "judicial_office" | "law_firm" | "court";
        };
        /** @description One break in the sealed chain */
        AccountAuditProblem: {
            /** @description The record concerned */
            seq: number | null;
            /** @example its content does not match its hash */
            problem: string;
        };
        /** @description One account change (never a password) */
        AccountAuditRecord: {
            id: string;
            seq: number;
            /** Format: date-time */
            at: string;
            /** @description Who made the change: a user id, or `system` (bootstrap admin) */
            actorId: string;
            actorRole: string;
            /**
             * @description reseal_trail: a case trail sealed by npm run audit:reseal (targetId: the case)
             * @enum {string}
             */
            action: "create" | "deactivate" | "reactivate" | "reset_password" | "change_role" | "change_unit" | "change_own_password" | "reseal_trail";
            /** @description The account changed (the case, for reseal_trail) */
            targetId: string;
            /** @description What changed (never a password or its hash) */
            details: {
                [key: string]: unknown;
            };
            /** @description The AUDIT_KEYS key that sealed it */
            keyId: string;
            /** @description HMAC of the record and the hash before it */
            hash: string;
        };
        /** @description The newest account changes and whether the whole sealed chain verifies */
        AccountAudit: {
            intact: boolean;
            problems: components["schemas"]["AccountAuditProblem"][];
            /** @description Newest first */
            records: components["schemas"]["AccountAuditRecord"][];
        };
        LoginRequest: {
            username: string;
            /** Format: password */
            password: string;
        };
        /** @description A bearer token and who it is for */
        Login: {
            /** @description Send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the token expires */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        ChangePasswordRequest: {
            /** Format: password */
            currentPassword: string;
            /**
             * Format: password
             * @description At least 10 characters, not the username, not a well-known one
             */
            newPassword: string;
        };
        RepresentativeInput: {
            /** @example 李伟 */
            name: string;
            /** @enum {string} */
            kind: "guardian" | "agent";
            /**
             * @description Relation to the party
             * @example 父亲
             */
            relation?: string;
        };
        PartyInput: {
            /** @example 张三 */
            name: string;
            /** @enum {string} */
            role: "applicant" | "respondent";
            /** @example 13800138000 */
            phone?: string;
            /**
             * @description An 18-character resident ID number
             * @example 370202199001011234
             */
            idNumber?: string;
            /**
             * @description PML Art. 17: how this party came to mediation (default no_objection; application for an applicant when source is party_application)
             * @enum {string}
             */
            consent?: "application" | "consent" | "no_objection";
            /**
             * @description 民法典 Arts. 19–24 (default full): a minor or incapacitated party must have a guardian as representative
             * @enum {string}
             */
            capacity?: "full" | "minor" | "incapacitated";
            /** @description PML Art. 23: the guardian (minors and incapacitated parties only) or agent who acts and signs for the party; the case names them `p<n>-g` / `p<n>-a` beside the party `p<n>` */
            representative?: components["schemas"]["RepresentativeInput"];
        };
        /**
         * @description The checklist items that apply (GET /workflow lists them with their weights)
         * @enum {string}
         */
        RiskIndicatorCode: "threat_of_violence" | "threat_of_self_harm" | "criminal_risk" | "homicide_risk" | "domestic_violence" | "threat_of_revenge" | "weapons_or_poison" | "mass_victim_financial" | "prior_physical_conflict" | "public_order_impact" | "legal_complexity" | "large_amount" | "petition_risk" | "migrant_wage_arrears" | "vulnerable_party" | "many_parties" | "repeated_dispute" | "media_attention" | "special_care_person" | "repeated_110_calls" | "economic_hardship" | "sensitive_period" | "cross_jurisdiction" | "family_conflict" | "property_damage";
        Location: {
            /** @example 120.3826 */
            lon: number;
            /** @example 36.0671 */
            lat: number;
        };
        NotAcceptedDto: {
            /** @enum {string} */
            ground: "before_court" | "before_police" | "before_administrative_organ" | "reserved_to_special_body" | "criminal";
            /**
             * @description The body the parties are told to go to
             * @example 崂山区人民法院
             */
            referredTo: string;
            note?: string;
            /**
             * @description How the parties were told (default oral)
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
        };
        OpenDispute: {
            /** @example Noise from the flat upstairs */
            title: string;
            description: string;
            /** @example neighbour */
            category: string;
            /**
             * @description The grid
             * @example G-001
             */
            gridCode: string;
            parties: components["schemas"]["PartyInput"][];
            /** @description Amount at stake, in yuan */
            amount?: number;
            /**
             * @description The checklist items that apply (GET /workflow lists them with their weights)
             * @example [
             *       "threat_of_violence"
             *     ]
             */
            riskIndicators: components["schemas"]["RiskIndicatorCode"][];
            /** @enum {string} */
            requestedTier?: "blue" | "yellow" | "red";
            /** @description Required when requestedTier is below the suggestion */
            tierReason?: string;
            /**
             * Format: uuid
             * @description A closed case this one follows on from
             */
            linkedCaseId?: string;
            /** @description Where the case is (WGS 84) */
            location?: components["schemas"]["Location"];
            /**
             * @description PML Art. 18: where the case came from (default grid_worker)
             * @enum {string}
             */
            source?: "grid_worker" | "party_application" | "hotline_110" | "hotline_12345" | "police_referral" | "court_referral";
            /**
             * @description 2002 rules Art. 30: how the opener told the parties their rights (default oral)
             * @enum {string}
             */
            rightsNoticeHow?: "oral" | "written";
            /**
             * @description people (人民调解), police (治安调解) or court (诉前/法院调解): which body counts the case (default people)
             * @enum {string}
             */
            mediationType?: "people" | "police" | "court";
            /** @description PML Art. 23: mediated not in public at a party’s request (default false); the weekly agenda then shows no title or reason */
            private?: boolean;
            /** @description Screening did not accept the dispute: the case is recorded closed, not_accepted */
            notAccepted?: components["schemas"]["NotAcceptedDto"];
        };
        /** @description A guardian (监护人) or agent (代理人) */
        Representative: {
            /** @description `p<n>-g` (guardian) or `p<n>-a` (agent): signature lists name it */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "guardian" | "agent";
            /** @description Relation to the party, as given */
            relation?: string;
        };
        Party: {
            /** @description Stable within the case (`p1`, `p2`, …): events name parties by it */
            id: string;
            name: string;
            /** @enum {string} */
            role: "applicant" | "respondent";
            /** @description Masked (`*******8000`) for anyone not handling the case */
            phone?: string;
            /** @description Masked for anyone not handling the case */
            idNumber?: string;
            /**
             * @description 民法典 Arts. 19–24; absent: full capacity
             * @enum {string}
             */
            capacity?: "full" | "minor" | "incapacitated";
            /** @description PML Art. 23: the guardian or agent who acts and signs for the party */
            representative?: components["schemas"]["Representative"] | null;
        };
        MatchedIndicator: {
            /** @example threat_of_violence */
            code: string;
            /** @example threat of violence */
            label: string;
            weight: number;
            /**
             * @description Ticked by the opener, or matched from the amount or the number of parties
             * @enum {string}
             */
            matchedBy: "checklist" | "amount" | "partyCount";
        };
        TriageThresholds: {
            /** @description Score from which yellow is suggested */
            yellow: number;
            /** @description Score from which red is suggested */
            red: number;
        };
        /** @description The intake triage: the suggestion, the choice and why */
        RiskAssessment: {
            score: number;
            /** @enum {string} */
            suggestedTier: "blue" | "yellow" | "red";
            /** @enum {string} */
            chosenTier: "blue" | "yellow" | "red";
            /** @description In checklist order */
            matched: components["schemas"]["MatchedIndicator"][];
            /** @description How many indicators the checklist has */
            total: number;
            thresholds: components["schemas"]["TriageThresholds"];
            /** @example matched 1 of 15 indicators: threat of violence (8) */
            explanation: string;
            /** @description Why a tier below the suggestion was chosen */
            tierReason?: string;
            /** @description The chosen tier is below the suggested one */
            downgraded: boolean;
        };
        /** @description A running clock of the case (reminders left out) */
        Deadline: {
            /** @description The timer (see GET /disputes/{id}/timers) */
            timerId: string;
            /** @enum {string} */
            kind: "deadline" | "reminder" | "follow_up" | "confirmation_window" | "confirmation_reminder";
            /** Format: date-time */
            dueAt: string;
            /**
             * @description The state it runs in
             * @enum {string}
             */
            state: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed";
            /**
             * @description Counted on the business calendar (e.g. 3WD); absent for wall-clock time
             * @enum {string}
             */
            countedIn?: "working_time";
            /** @description The count reached a year with no calendar data and fell back to calendar days */
            calendarWarning?: string;
        };
        PanelMember: {
            userId: string;
            /** @enum {string} */
            institution: "police_station" | "judicial_office" | "law_firm" | "court";
        };
        /** @description Who signed an agreement for a party */
        Signature: {
            partyId: string;
            /** @description The party’s id, or their guardian’s or agent’s */
            signedBy: string;
            /** @enum {string} */
            as: "party" | "guardian" | "agent";
        };
        /** @description The mediation agreement (调解协议), once reached */
        Agreement: {
            /**
             * @description The tier that reached it
             * @enum {string}
             */
            tier: "blue" | "yellow" | "red";
            terms: string;
            /** Format: date-time */
            performanceDueAt: string | null;
            signedByPartyIds: string[];
            /** Format: date-time */
            reachedAt: string;
            /** @description The user who recorded it */
            reachedBy: string;
            /**
             * Format: date-time
             * @description The end of the 30 days for a judicial confirmation (Art. 33)
             */
            confirmationWindowEndsAt: string;
            /** @enum {string|null} */
            confirmation: "pending" | "confirmed" | "refused" | null;
            /** @description written or oral */
            form?: string;
            organisation?: string | null;
            mediatorIds?: string[];
            facts?: string | null;
            issues?: string | null;
            sealedAt?: string | null;
            effectiveAt?: string;
            request?: {
                [key: string]: unknown;
            } | null;
            result?: {
                [key: string]: unknown;
            } | null;
            nonPerformance?: {
                [key: string]: unknown;
            }[];
            urgedAt?: string[];
            /** @description Machine version 3: each party’s signature, by the party or their guardian or agent */
            signatures?: components["schemas"]["Signature"][];
        };
        Escalation: {
            /** @enum {string} */
            from: "blue" | "yellow" | "red";
            /** @enum {string} */
            to: "blue" | "yellow" | "red";
            reason: string;
            /** Format: date-time */
            at: string;
            /** @description Raised by a timer rather than a person */
            automatic: boolean;
        };
        /** @description A case, as the caller may see it */
        Dispute: {
            id: string;
            /** @example TC-20261129-0000002A */
            reference: string;
            title: string;
            description: string;
            category: string;
            gridCode: string;
            communityCode: string;
            streetCode: string;
            /**
             * @description The tier it is at, or was closed at
             * @enum {string}
             */
            tier: "blue" | "yellow" | "red";
            /** @enum {string} */
            highestTier: "blue" | "yellow" | "red";
            /** @enum {string} */
            status: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
            /**
             * @description Set when closed
             * @enum {string|null}
             */
            outcome: "resolved" | "withdrawn" | "refused" | "referred_to_litigation" | "transferred" | "agreement_not_performed" | "not_accepted" | "other_route" | "settled_by_parties" | null;
            /** @description A deadline passed without the case moving on */
            overdue: boolean;
            /** @description Goes up by one with every event; send it as expectedVersion */
            version: number;
            parties: components["schemas"]["Party"][];
            /** @description Amount at stake, in yuan */
            amount: number | null;
            riskAssessment: components["schemas"]["RiskAssessment"];
            /** @description Running clocks, soonest first */
            deadlines: components["schemas"]["Deadline"][];
            /**
             * Format: date-time
             * @description The soonest clock that moves the case
             */
            nextDeadlineAt: string | null;
            /**
             * @description Where a suspended case resumes
             * @enum {string|null}
             */
            suspendedFrom: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed" | null;
            /** @description The judicial officer who accepted it (yellow) */
            officerId: string | null;
            /** @description The lawyer named on acceptance (yellow) */
            lawyerId: string | null;
            panel: components["schemas"]["PanelMember"][];
            /** @description What the People's Mediation Law has the case record (consents, notices, police reports, recusals, …; docs/law.md). Its members are not described field by field yet. */
            law: {
                [key: string]: unknown;
            };
            /**
             * @description 人民调解 / 治安调解 / 诉前·法院调解: which body counts the case, so none is counted three times
             * @enum {string}
             */
            mediationType: "people" | "police" | "court";
            /** @description PML Art. 23: mediated not in public at a party’s request; the weekly agenda shows no title or reason */
            private: boolean;
            agreement: components["schemas"]["Agreement"] | null;
            lastEscalation: components["schemas"]["Escalation"] | null;
            closingReason: string | null;
            linkedCaseId: string | null;
            /** @description The 社情 report the case was opened from */
            reportId: string | null;
            /** @description Where the case is (WGS 84) */
            location: components["schemas"]["Location"] | null;
            /** @description The user who opened it */
            openedBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            closedAt: string | null;
        };
        /** @description One page of cases, newest first */
        DisputeList: {
            /** @description Cases as GET /disputes/{id} gives them, newest first (created_at, then id) */
            items: components["schemas"]["Dispute"][];
            /** @description Cases matching the filters. Exact up to 10,000 (1,000 with text); when more match it is that cap and totalIsExact is false. On the last page of a list paged by page it is always exact. A text search whose page was found among the newest 2,000 cases counts the matches among them: a floor, with totalIsExact false (docs/api.md). */
            total: number;
            /** @description false when total is a floor: more cases may match than it says */
            totalIsExact: boolean;
            /** @description The page asked for; null when the page was asked for with after */
            page: number | null;
            pageSize: number;
            /** @description Pass as after for the cases that follow; null on the last page */
            nextCursor: string | null;
        };
        /** @description One record of the audit trail. `hash` is an HMAC-SHA-256 (under the AUDIT_KEYS key `keyId`) over `prevHash` and the canonical JSON of the record, so each record seals the ones before it. */
        AuditRecord: {
            id: string;
            disputeId: string;
            /** @description 1-based position in the trail */
            seq: number;
            /** @description The event type, or OPEN for the record that opened the case */
            type: string;
            /** @description A user id, or `system` for timer events */
            actorId: string;
            actorRole: string;
            /** @description The event as sent (its payload fields), or the opening details */
            payload: {
                [key: string]: unknown;
            };
            /**
             * @description Null on the record that opened the case
             * @enum {string|null}
             */
            fromStatus: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed" | null;
            /** @enum {string} */
            toStatus: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
            /** @enum {string|null} */
            fromTier: "blue" | "yellow" | "red" | null;
            /** @enum {string} */
            toTier: "blue" | "yellow" | "red";
            /** Format: date-time */
            at: string;
            /** @description The statechart version that handled it */
            machineVersion: number;
            /** @description The Idempotency-Key it was sent with */
            idempotencyKey: string | null;
            prevHash: string;
            hash: string;
            /** @description The AUDIT_KEYS key id that sealed the record */
            keyId: string;
        };
        /** @description A 422: the event is not allowed in the current state or a guard refused it. Says why, and which events the caller may send now. */
        Refusal: {
            /**
             * @example 422
             * @enum {integer}
             */
            statusCode: 422;
            /** @enum {string} */
            error: "Unprocessable Entity";
            /** @example CONVENE_PANEL refused: the panel needs a member from court */
            message: string;
            /**
             * @description The event type that was refused
             * @example CONVENE_PANEL
             */
            event: string;
            /**
             * @description Why, in the language of `Accept-Language`: English by default, Chinese for `zh-CN`
             * @example the panel lacks a member from: court (three offices and one court must all sit)
             */
            reason: string;
            /**
             * @description The refusal's stable code (docs/api.md, "Refusal codes"): word it in your own language
             * @example PANEL_INCOMPLETE
             * @enum {string}
             */
            code?: "HANDLER_BLUE" | "HANDLER_YELLOW_UNACCEPTED" | "HANDLER_YELLOW" | "HANDLER_RED_UNCONVENED" | "HANDLER_RED" | "ACCEPT_ONLY_STREET_OFFICER" | "CONVENE_ONLY_PANEL_OR_SUPERVISOR" | "DOWNGRADE_NOT_LAWYER" | "EMERGENCY_ONLY" | "POLICE_REPORT_ONLY" | "CONFIRMATION_ONLY_COURT" | "OFFICER_DECIDES" | "SYSTEM_ONLY" | "TIMER_NOT_ARMED" | "POLICE_REPORT_DUE" | "CONSENT_MISSING" | "RIGHTS_NOT_TOLD" | "AGREEMENT_BINDS" | "REASON_REQUIRED" | "FIELD_NOT_PARTY_LIST" | "FIELD_NAMES_NON_PARTY" | "PARTIES_NOT_CONSENTED" | "PARTIES_NOT_SIGNED" | "VALUE_NOT_ALLOWED" | "PANEL_EMPTY" | "PANEL_INCOMPLETE" | "TERMS_REQUIRED" | "NOT_A_DATE" | "DATE_IN_PAST" | "MEDIATORS_REQUIRED" | "SEAL_REQUIRED" | "AGENCY_REQUIRED" | "NOT_A_PARTY" | "REFUSAL_NOTE_REQUIRED" | "CONSENTING_PARTIES_REQUIRED" | "NOT_A_MEDIATOR" | "ALREADY_MEDIATES" | "EXTENSION_NOT_LATER" | "EXTENSION_NOT_LATER_THAN" | "NO_AGREEMENT" | "ALREADY_CONFIRMED" | "ORAL_NOT_CONFIRMABLE" | "NOT_MEDIATION_ORGANISATION" | "PERSONAL_STATUS" | "CONFIRMATION_REJECTED" | "CONFIRMATION_NOT_JOINT" | "CONFIRMATION_WINDOW_PASSED" | "CONFIRMED_NOT_BOOLEAN" | "CONFIRMED_CONTRADICTS_RESULT" | "RULING_NUMBER_REQUIRED" | "PERFORMED_INVALID" | "NEXT_ONLY_IF_NOT_PERFORMED" | "CASE_CLOSED" | "NOT_IN_STATE" | "OFFICER_NOT_NAMEABLE" | "LAWYER_NOT_NAMEABLE" | "MEMBER_NOT_NAMEABLE" | "REPLACEMENT_NOT_NAMEABLE" | "AUX_POLICE_COMMUNITY" | "SIGNER_NOT_PARTY_OR_REPRESENTATIVE" | "WARD_SIGNED_BY_GUARDIAN" | "AGREEMENT_IN_EFFECT_NO_SETTLEMENT" | "EXTENSION_UNTIL_OR_BY" | "EXTENSION_BY_WORKING_TIME" | "NOT_POSSIBLE_NOW" | "IDEMPOTENCY_KEY_REUSED" | "UNCODED";
            /**
             * @description The values the reason names, by name
             * @example {
             *       "institutions": "court"
             *     }
             */
            params?: {
                [key: string]: string;
            };
            /**
             * @description The events the caller may send now (GET …/allowed-events explains the rest)
             * @example [
             *       "ESCALATE",
             *       "WITHDRAW"
             *     ]
             */
            allowedEvents: string[];
        };
        EventAvailability: {
            /** @enum {string} */
            type: "ACCEPT" | "CONVENE_PANEL" | "REACH_AGREEMENT" | "ESCALATE" | "DOWNGRADE" | "EMERGENCY_ESCALATE" | "REFER_TO_LITIGATION" | "WITHDRAW" | "TRANSFER" | "RECORD_REFUSAL" | "EXTEND_DEADLINE" | "SUSPEND" | "RESUME" | "REQUEST_JUDICIAL_CONFIRMATION" | "RECORD_CONFIRMATION" | "RECORD_FOLLOW_UP" | "RECORD_CONSENT" | "CHOOSE_OTHER_ROUTE" | "REPORT_TO_POLICE" | "REPLACE_MEDIATOR";
            /** @description The caller may send it now (its payload still has to satisfy the rules) */
            allowed: boolean;
            /** @description Why not, in the language of `Accept-Language` (English unless Chinese is preferred) */
            reason?: string;
            /**
             * @description The refusal's stable code (docs/api.md, "Refusal codes"), beside `reason`
             * @example PANEL_INCOMPLETE
             * @enum {string}
             */
            code?: "HANDLER_BLUE" | "HANDLER_YELLOW_UNACCEPTED" | "HANDLER_YELLOW" | "HANDLER_RED_UNCONVENED" | "HANDLER_RED" | "ACCEPT_ONLY_STREET_OFFICER" | "CONVENE_ONLY_PANEL_OR_SUPERVISOR" | "DOWNGRADE_NOT_LAWYER" | "EMERGENCY_ONLY" | "POLICE_REPORT_ONLY" | "CONFIRMATION_ONLY_COURT" | "OFFICER_DECIDES" | "SYSTEM_ONLY" | "TIMER_NOT_ARMED" | "POLICE_REPORT_DUE" | "CONSENT_MISSING" | "RIGHTS_NOT_TOLD" | "AGREEMENT_BINDS" | "REASON_REQUIRED" | "FIELD_NOT_PARTY_LIST" | "FIELD_NAMES_NON_PARTY" | "PARTIES_NOT_CONSENTED" | "PARTIES_NOT_SIGNED" | "VALUE_NOT_ALLOWED" | "PANEL_EMPTY" | "PANEL_INCOMPLETE" | "TERMS_REQUIRED" | "NOT_A_DATE" | "DATE_IN_PAST" | "MEDIATORS_REQUIRED" | "SEAL_REQUIRED" | "AGENCY_REQUIRED" | "NOT_A_PARTY" | "REFUSAL_NOTE_REQUIRED" | "CONSENTING_PARTIES_REQUIRED" | "NOT_A_MEDIATOR" | "ALREADY_MEDIATES" | "EXTENSION_NOT_LATER" | "EXTENSION_NOT_LATER_THAN" | "NO_AGREEMENT" | "ALREADY_CONFIRMED" | "ORAL_NOT_CONFIRMABLE" | "NOT_MEDIATION_ORGANISATION" | "PERSONAL_STATUS" | "CONFIRMATION_REJECTED" | "CONFIRMATION_NOT_JOINT" | "CONFIRMATION_WINDOW_PASSED" | "CONFIRMED_NOT_BOOLEAN" | "CONFIRMED_CONTRADICTS_RESULT" | "RULING_NUMBER_REQUIRED" | "PERFORMED_INVALID" | "NEXT_ONLY_IF_NOT_PERFORMED" | "CASE_CLOSED" | "NOT_IN_STATE" | "OFFICER_NOT_NAMEABLE" | "LAWYER_NOT_NAMEABLE" | "MEMBER_NOT_NAMEABLE" | "REPLACEMENT_NOT_NAMEABLE" | "AUX_POLICE_COMMUNITY" | "SIGNER_NOT_PARTY_OR_REPRESENTATIVE" | "WARD_SIGNED_BY_GUARDIAN" | "AGREEMENT_IN_EFFECT_NO_SETTLEMENT" | "EXTENSION_UNTIL_OR_BY" | "EXTENSION_BY_WORKING_TIME" | "NOT_POSSIBLE_NOW" | "IDEMPOTENCY_KEY_REUSED" | "UNCODED";
            /**
             * @description The values the reason names, by name (`{institutions: "court"}`)
             * @example {
             *       "institutions": "court"
             *     }
             */
            params?: {
                [key: string]: string;
            };
        };
        /** @description What the caller may send to the case now, and why the other events are refused */
        AllowedEvents: {
            /** @enum {string} */
            status: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
            /** @description Send as expectedVersion */
            version: number;
            /** @description The events allowed now */
            allowed: ("ACCEPT" | "CONVENE_PANEL" | "REACH_AGREEMENT" | "ESCALATE" | "DOWNGRADE" | "EMERGENCY_ESCALATE" | "REFER_TO_LITIGATION" | "WITHDRAW" | "TRANSFER" | "RECORD_REFUSAL" | "EXTEND_DEADLINE" | "SUSPEND" | "RESUME" | "REQUEST_JUDICIAL_CONFIRMATION" | "RECORD_CONFIRMATION" | "RECORD_FOLLOW_UP" | "RECORD_CONSENT" | "CHOOSE_OTHER_ROUTE" | "REPORT_TO_POLICE" | "REPLACE_MEDIATOR")[];
            /** @description Every event, allowed or not */
            events: components["schemas"]["EventAvailability"][];
        };
        ChainBreak: {
            /** @description The record concerned; null for a problem of the case row or the whole trail */
            seq: number | null;
            /** @example its content does not match its hash */
            problem: string;
        };
        /** @description Whether the case's trail is intact */
        AuditVerification: {
            disputeId: string;
            intact: boolean;
            /** @description How many records were checked */
            records: number;
            /** @description The case's version, checked against its trail */
            version?: number;
            /** @description The first problem, when the chain is broken (kept for older clients) */
            brokenAt?: components["schemas"]["ChainBreak"];
            /** @description Every problem found, oldest record first (at most 50); absent when intact */
            problems?: components["schemas"]["ChainBreak"][];
        };
        /** @description A deadline, reminder or follow-up of the case: the database row is the truth */
        Timer: {
            id: string;
            disputeId: string;
            /** @enum {string} */
            kind: "deadline" | "reminder" | "follow_up" | "confirmation_window" | "confirmation_reminder";
            /**
             * @description The event it sends when it fires; null for timers that only notify
             * @enum {string|null}
             */
            fires: "DEADLINE_EXPIRED" | "FOLLOW_UP_DUE" | null;
            /** Format: date-time */
            dueAt: string;
            /** @enum {string} */
            status: "scheduled" | "fired" | "cancelled";
            /** @description The state (and visit) it was set for */
            statePath: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            firedAt: string | null;
            /** @description How late it fired, in milliseconds */
            latenessMs: number | null;
            /** @description Why it was cancelled (the state was left, the case suspended, …) */
            cancelReason: string | null;
        };
        /** @description The event loop answers */
        Liveness: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok";
        };
        /** @description Each dependency the readiness probe checks */
        ReadinessChecks: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            redis: "up" | "down";
            /**
             * @description every migration applied
             * @enum {string}
             */
            migrations: "up" | "down";
            /**
             * @description a timer worker heartbeat fresher than 15 s; only when a worker is expected
             * @enum {string}
             */
            worker?: "up" | "down";
        };
        /** @description Whether this process should receive traffic */
        Readiness: {
            /**
             * @description `draining` after SIGTERM, while the process finishes its work
             * @enum {string}
             */
            status: "ok" | "draining" | "down";
            checks: components["schemas"]["ReadinessChecks"];
        };
        /** @description Whether the database and Redis answer */
        Health: {
            /**
             * @description ok when both answer
             * @enum {string}
             */
            status: "ok" | "degraded";
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            redis: "up" | "down";
        };
        /** @description An inbox entry */
        Notification: {
            id: string;
            disputeId: string | null;
            /** @enum {string} */
            kind: "reminder" | "overdue" | "escalation" | "confirmation_window" | "report_overdue" | "supervision" | "police_report";
            /** @example Deadline for case TC-20250303-1A2B3C4D (blue.mediating) is due at … */
            message: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        /** @description One page of the inbox, newest first */
        NotificationList: {
            items: components["schemas"]["Notification"][];
            /** @description Notifications matching the query */
            total: number;
            /** @description Unread in the whole inbox */
            unread: number;
            page: number;
            pageSize: number;
        };
        MarkedRead: {
            /** @description How many notifications were unread and are now read */
            marked: number;
        };
        AgendaUnit: {
            code: string;
            name: string;
        };
        CountByTier: {
            blue: number;
            yellow: number;
            red: number;
        };
        AgendaCounts: {
            open: number;
            overdue: number;
            /** @description Distinct cases escalated in the window */
            escalated: number;
            openByTier: components["schemas"]["CountByTier"];
        };
        /** @description Which items of each list this answer holds */
        AgendaPage: {
            offset: number;
            limit: number;
            /** @description Some list holds more items after this page */
            more: boolean;
        };
        /** @description An open case on the agenda */
        AgendaCase: {
            id: string;
            reference: string;
            title: string;
            gridCode: string;
            /** @enum {string} */
            tier: "blue" | "yellow" | "red";
            /** @enum {string} */
            status: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            nextDeadlineAt: string | null;
            /** @description Flagged overdue, or its next deadline passed before the agenda */
            overdue: boolean;
            /** @description PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded) */
            private?: boolean;
        };
        AgendaActor: {
            id: string;
            role: string;
            name: string;
        };
        /** @description One move to a higher tier */
        AgendaEscalation: {
            disputeId: string;
            reference: string;
            title: string;
            gridCode: string;
            /** @enum {string} */
            fromTier: "blue" | "yellow" | "red";
            /** @enum {string} */
            toTier: "blue" | "yellow" | "red";
            /** @description The event that raised the tier, e.g. ESCALATE or DEADLINE_EXPIRED */
            event: string;
            /** @description Raised by a timer rather than a person */
            automatic: boolean;
            by: components["schemas"]["AgendaActor"];
            reason: string;
            /** Format: date-time */
            at: string;
            /**
             * @description Where the case is now
             * @enum {string}
             */
            status: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
            /** @description PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded) */
            private?: boolean;
        };
        /** @description A 社情 report of the week */
        AgendaReport: {
            id: string;
            reference: string;
            gridCode: string;
            category: string;
            urgency: string;
            status: string;
            summary: string;
            /** Format: date-time */
            filedAt: string;
            /** @description The case it became, if converted */
            disputeId: string | null;
            /** @description Nobody looked at it by its review time */
            overdue: boolean;
        };
        /** @description A supervision notice (督办): still open, or issued in the last week */
        AgendaSupervision: {
            noticeId: string;
            disputeId: string;
            reference: string;
            title: string;
            gridCode: string;
            reason: string;
            /** Format: date-time */
            dueBy: string;
            /** Format: date-time */
            issuedAt: string;
            acknowledged: boolean;
            /** @description PML Arts. 15, 23: mediated in private at a party’s request — title and reason are empty (absent on agendas made before privacy was recorded) */
            private?: boolean;
        };
        CommunityAgenda: {
            id: string;
            unit: components["schemas"]["AgendaUnit"];
            /** Format: date-time */
            generatedAt: string;
            /**
             * Format: date-time
             * @description Escalations from this instant up to generatedAt are listed (the last 7 days)
             */
            escalatedSince: string;
            counts: components["schemas"]["AgendaCounts"];
            /** @description Lists are paged (limit, offset) and stored with at most 1000 items each, the most urgent first; counts are whole */
            page: components["schemas"]["AgendaPage"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "community";
            open: components["schemas"]["AgendaCase"][];
            overdue: components["schemas"]["AgendaCase"][];
            escalated: components["schemas"]["AgendaEscalation"][];
            /** @description The 社情 reports filed in the week, newest first */
            reports: components["schemas"]["AgendaReport"][];
            supervision: components["schemas"]["AgendaSupervision"][];
        };
        /** @description What the meeting goes through for a community */
        AgendaSection: {
            community: components["schemas"]["AgendaUnit"];
            counts: components["schemas"]["AgendaCounts"];
            open: components["schemas"]["AgendaCase"][];
            overdue: components["schemas"]["AgendaCase"][];
            escalated: components["schemas"]["AgendaEscalation"][];
            /** @description The 社情 reports filed in the week, newest first */
            reports: components["schemas"]["AgendaReport"][];
            supervision: components["schemas"]["AgendaSupervision"][];
        };
        StreetAgenda: {
            id: string;
            unit: components["schemas"]["AgendaUnit"];
            /** Format: date-time */
            generatedAt: string;
            /**
             * Format: date-time
             * @description Escalations from this instant up to generatedAt are listed (the last 7 days)
             */
            escalatedSince: string;
            counts: components["schemas"]["AgendaCounts"];
            /** @description Lists are paged (limit, offset) and stored with at most 1000 items each, the most urgent first; counts are whole */
            page: components["schemas"]["AgendaPage"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "street";
            /** @description Every community of the street, by code, including those with nothing to discuss */
            communities: components["schemas"]["AgendaSection"][];
        };
        BuildAgendaDto: {
            /** @description A community or street code */
            unit: string;
        };
        TierCounts: {
            /** @description Cases now at this tier, or closed at it */
            total: number;
            open: number;
            closed: number;
            overdue: number;
            /** @description Closed cases by the outcome they closed with at this tier */
            outcomes: {
                resolved: number;
                withdrawn: number;
                refused: number;
                referred_to_litigation: number;
                transferred: number;
                agreement_not_performed: number;
                not_accepted: number;
                other_route: number;
                settled_by_parties: number;
            };
        };
        TierCountsByTier: {
            blue: components["schemas"]["TierCounts"];
            yellow: components["schemas"]["TierCounts"];
            red: components["schemas"]["TierCounts"];
        };
        /** @description A count and its share of the resolved cases */
        Settlement: {
            count: number;
            /** @description null when no case was resolved */
            share: number | null;
        };
        SettlementByTier: {
            blue: components["schemas"]["Settlement"];
            yellow: components["schemas"]["Settlement"];
            red: components["schemas"]["Settlement"];
        };
        /** @description Resolved cases by the tier they were settled at */
        Settled: {
            resolved: number;
            atTier: components["schemas"]["SettlementByTier"];
            /** @description Settled at the tier they were opened at or below it: never sent further up */
            withoutEscalation: components["schemas"]["Settlement"];
        };
        /** @description 调解成功 apart from what followed: agreements reached, confirmed by a court, performed in full */
        AgreementCounts: {
            /** @description Cases whose agreement took effect (调解成功), whatever followed */
            reached: number;
            /** @description Cases with an agreement a court confirmed (PML Art. 33) */
            confirmed: number;
            /** @description Cases closed resolved: the agreement performed in full */
            performed: number;
        };
        MediationTypeCounts: {
            total: number;
            open: number;
            closed: number;
            /** @description Cases whose agreement took effect */
            agreementsReached: number;
            /** @description Closed cases by outcome */
            outcomes: {
                resolved: number;
                withdrawn: number;
                refused: number;
                referred_to_litigation: number;
                transferred: number;
                agreement_not_performed: number;
                not_accepted: number;
                other_route: number;
                settled_by_parties: number;
            };
        };
        /** @description 人民调解 (people), 治安调解 (police), 诉前/法院调解 (court): each body counts its own cases */
        MediationTypeCountsByType: {
            people: components["schemas"]["MediationTypeCounts"];
            police: components["schemas"]["MediationTypeCounts"];
            court: components["schemas"]["MediationTypeCounts"];
        };
        /** @description How long the cases that reached a tier spent at it */
        TierTime: {
            cases: number;
            averageHours: number | null;
            medianHours: number | null;
        };
        TierTimeByTier: {
            blue: components["schemas"]["TierTime"];
            yellow: components["schemas"]["TierTime"];
            red: components["schemas"]["TierTime"];
        };
        /** @description Supervision notices (督办) on the cases */
        SupervisionCounts: {
            issued: number;
            open: number;
            acknowledged: number;
            /** @description Open notices whose "by when" has passed */
            openPastDue: number;
        };
        /** @description Counts, settlement shares and time per tier over the cases the caller may see */
        Stats: {
            /** @description The unit asked for */
            unit: string | null;
            /** Format: date-time */
            from: string | null;
            /** Format: date-time */
            to: string | null;
            /** Format: date-time */
            generatedAt: string;
            total: number;
            open: number;
            closed: number;
            /** @description Open cases flagged overdue or past their next deadline */
            overdue: number;
            byTier: components["schemas"]["TierCountsByTier"];
            /** @description Cases by status */
            byStatus: {
                "blue.mediating": number;
                "yellow.awaitingAcceptance": number;
                "yellow.jointReview": number;
                "red.convening": number;
                "red.panelMediation": number;
                agreed: number;
                "agreed.judicialConfirmation": number;
                followUp: number;
                suspended: number;
                closed: number;
            };
            /** @description Closed cases by outcome */
            byOutcome: {
                resolved: number;
                withdrawn: number;
                refused: number;
                referred_to_litigation: number;
                transferred: number;
                agreement_not_performed: number;
                not_accepted: number;
                other_route: number;
                settled_by_parties: number;
            };
            settled: components["schemas"]["Settled"];
            agreements: components["schemas"]["AgreementCounts"];
            byMediationType: components["schemas"]["MediationTypeCountsByType"];
            timePerTier: components["schemas"]["TierTimeByTier"];
            supervision: components["schemas"]["SupervisionCounts"];
        };
        ConcernedPersonDto: {
            /** @example 李女士 */
            name: string;
            /** @example 13800138000 */
            phone?: string;
            /** @example 370202199001011234 */
            idNumber?: string;
            /** @example lives alone, 78 years old */
            note?: string;
        };
        FileReportDto: {
            /** @example G1 */
            gridCode: string;
            /** @enum {string} */
            category: "dispute_risk" | "fraud_risk" | "safety_hazard" | "public_order" | "help_needed";
            /**
             * @default normal
             * @enum {string}
             */
            urgency: "low" | "normal" | "high" | "urgent";
            /** @example A resident may have received a fraud call (claims to be the bank) */
            summary: string;
            /** @example Building 3, unit 2 */
            place: string;
            /** @description Who is concerned */
            concerned?: components["schemas"]["ConcernedPersonDto"][];
            /** @description A reference to a photo kept elsewhere (an id or URL) */
            photoRef?: string;
            location?: components["schemas"]["Location"];
        };
        ConcernedPersonResponse: {
            /** @description Masked (***) for volunteers */
            name: string;
            /** @description Last 4 digits only unless the caller works the report */
            phone?: string;
            /** @description Last 4 digits only unless the caller works the report */
            idNumber?: string;
            note?: string;
        };
        PointResponse: {
            /** @example 120.3826 */
            lon: number;
            /** @example 36.0671 */
            lat: number;
        };
        ReportResponse: {
            /** Format: uuid */
            id: string;
            /** @example SQ-20261130-1A2B3C4D */
            reference: string;
            gridCode: string;
            communityCode: string;
            streetCode: string;
            /** @enum {string} */
            category: "dispute_risk" | "fraud_risk" | "safety_hazard" | "public_order" | "help_needed";
            /** @enum {string} */
            urgency: "low" | "normal" | "high" | "urgent";
            summary: string;
            place: string;
            concerned: components["schemas"]["ConcernedPersonResponse"][];
            /** @enum {string} */
            disclosure: "full" | "masked" | "none";
            photoRef: string | null;
            location: components["schemas"]["PointResponse"] | null;
            /** @enum {string} */
            status: "open" | "handled" | "converted";
            /** Format: uuid */
            filedBy: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Look at it by then (next working day 17:30 Asia/Shanghai)
             */
            reviewDueAt: string;
            /** @description Still open, not looked at, and past reviewDueAt */
            overdue: boolean;
            /** Format: date-time */
            overdueFlaggedAt: string | null;
            /** Format: date-time */
            lookedAt: string | null;
            lookedBy: string | null;
            /** Format: date-time */
            handledAt: string | null;
            handledBy: string | null;
            handlingNote: string | null;
            assigneeId: string | null;
            followUp: string | null;
            /** @description The dispute it became */
            disputeId: string | null;
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        ReportPageResponse: {
            items: components["schemas"]["ReportResponse"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ReportEventResponse: {
            seq: number;
            /** @enum {string} */
            type: "FILED" | "HANDLED" | "ASSIGNED" | "CONVERTED" | "FLAGGED_OVERDUE";
            actorId: string;
            actorRole: string;
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
        };
        HandleReportDto: {
            /** @description The version the caller saw; a stale one is a 409 */
            expectedVersion?: number;
            /** @example Visited with the grid worker; explained the fraud script (11 of 15 features). */
            note: string;
        };
        AssignReportDto: {
            /** @description The version the caller saw; a stale one is a 409 */
            expectedVersion?: number;
            /**
             * Format: uuid
             * @description A member of the community team
             */
            assigneeId: string;
            /** @example Visit her with the community police officer tomorrow morning */
            followUp: string;
        };
        IntakePartyResponse: {
            name: string;
            /** @enum {string} */
            role: "applicant" | "respondent";
            phone?: string;
            idNumber?: string;
        };
        IntakePrefillResponse: {
            title: string;
            description: string;
            category: string;
            gridCode: string;
            parties: components["schemas"]["IntakePartyResponse"][];
            riskIndicators: string[];
            location?: components["schemas"]["PointResponse"];
        };
        ConvertReportDto: {
            /** @example Noise from the flat upstairs */
            title?: string;
            description?: string;
            /** @example neighbour */
            category?: string;
            parties?: components["schemas"]["PartyInput"][];
            /** @description Amount at stake, in yuan */
            amount?: number;
            /**
             * @description The checklist items that apply (GET /workflow lists them with their weights)
             * @example [
             *       "threat_of_violence"
             *     ]
             */
            riskIndicators?: components["schemas"]["RiskIndicatorCode"][];
            /** @enum {string} */
            requestedTier?: "blue" | "yellow" | "red";
            /** @description Required when requestedTier is below the suggestion */
            tierReason?: string;
            /** @description Where the case is (WGS 84) */
            location?: components["schemas"]["Location"];
            /**
             * @description PML Art. 18: where the case came from (default grid_worker)
             * @enum {string}
             */
            source?: "grid_worker" | "party_application" | "hotline_110" | "hotline_12345" | "police_referral" | "court_referral";
            /**
             * @description 2002 rules Art. 30: how the opener told the parties their rights (default oral)
             * @enum {string}
             */
            rightsNoticeHow?: "oral" | "written";
            /**
             * @description people (人民调解), police (治安调解) or court (诉前/法院调解): which body counts the case (default people)
             * @enum {string}
             */
            mediationType?: "people" | "police" | "court";
            /** @description PML Art. 23: mediated not in public at a party’s request (default false); the weekly agenda then shows no title or reason */
            private?: boolean;
            /** @description Screening did not accept the dispute: the case is recorded closed, not_accepted */
            notAccepted?: components["schemas"]["NotAcceptedDto"];
            /** @description The report version the caller saw; a stale one is a 409 */
            expectedVersion?: number;
        };
        ConvertResponse: {
            report: components["schemas"]["ReportResponse"];
            /** @description The case opened, as POST /disputes returns it (reportId names the report) */
            dispute: components["schemas"]["Dispute"];
        };
        TeamCommunityResponse: {
            code: string;
            name: string;
            streetCode: string;
        };
        TeamMemberResponse: {
            /** Format: uuid */
            userId: string;
            username: string;
            displayName: string;
            /** @description The user's system role */
            role: string;
            unitCode: string | null;
            /** @enum {string} */
            teamRole: "cadre" | "community_police" | "auxiliary_police" | "grid_worker" | "volunteer";
            /** Format: date-time */
            addedAt: string;
            addedBy: string;
        };
        TeamCountsResponse: {
            cadre: number;
            community_police: number;
            auxiliary_police: number;
            grid_worker: number;
            volunteer: number;
        };
        TeamResponse: {
            community: components["schemas"]["TeamCommunityResponse"];
            members: components["schemas"]["TeamMemberResponse"][];
            counts: components["schemas"]["TeamCountsResponse"];
            /** @description What the team lacks to be 1+1+2+N+N */
            gaps: string[];
        };
        TeamChangeResponse: {
            userId: string;
            /** @enum {string} */
            teamRole: "cadre" | "community_police" | "auxiliary_police" | "grid_worker" | "volunteer";
            /** @enum {string} */
            change: "added" | "removed";
            actorId: string;
            actorRole: string;
            /** Format: date-time */
            at: string;
        };
        AddTeamMemberDto: {
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            teamRole: "cadre" | "community_police" | "auxiliary_police" | "grid_worker" | "volunteer";
        };
        SetCaseLocationDto: {
            /** @example 120.3826 */
            lon: number;
            /** @example 36.0671 */
            lat: number;
            /** @description The case version the caller saw; a stale one is a 409 */
            expectedVersion?: number;
        };
        SetBoundaryDto: {
            /**
             * @description A GeoJSON Polygon or MultiPolygon in lon/lat degrees (WGS 84); at most 5,000 positions
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             120.38,
             *             36.06
             *           ],
             *           [
             *             120.39,
             *             36.06
             *           ],
             *           [
             *             120.39,
             *             36.07
             *           ],
             *           [
             *             120.38,
             *             36.07
             *           ],
             *           [
             *             120.38,
             *             36.06
             *           ]
             *         ]
             *       ]
             *     }
             */
            geometry: ({
                /** @enum {string} */
                type: "Polygon";
                /** @description The outer ring, then any holes */
                coordinates: number[][][];
            } & {
                [key: string]: unknown;
            }) | ({
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            } & {
                [key: string]: unknown;
            });
        };
        /** @description A GeoJSON Polygon in lon/lat degrees (WGS 84) */
        Polygon: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "Polygon";
            /**
             * @description The outer ring, then any holes
             * @example [
             *       [
             *         [
             *           120.38,
             *           36.06
             *         ],
             *         [
             *           120.39,
             *           36.06
             *         ],
             *         [
             *           120.39,
             *           36.07
             *         ],
             *         [
             *           120.38,
             *           36.07
             *         ],
             *         [
             *           120.38,
             *           36.06
             *         ]
             *       ]
             *     ]
             */
            coordinates: number[][][];
        };
        /** @description A GeoJSON MultiPolygon in lon/lat degrees (WGS 84) */
        MultiPolygon: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "MultiPolygon";
            /**
             * @description The polygons
             * @example [
             *       [
             *         [
             *           [
             *             120.38,
             *             36.06
             *           ],
             *           [
             *             120.39,
             *             36.06
             *           ],
             *           [
             *             120.39,
             *             36.07
             *           ],
             *           [
             *             120.38,
             *             36.07
             *           ],
             *           [
             *             120.38,
             *             36.06
             *           ]
             *         ]
             *       ]
             *     ]
             */
            coordinates: number[][][][];
        };
        BoundaryResponse: {
            gridCode: string;
            geometry: components["schemas"]["Polygon"] | components["schemas"]["MultiPolygon"];
            /** @description [minLon, minLat, maxLon, maxLat] */
            bbox: number[];
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MapStreetResponse: {
            code: string;
            name: string;
        };
        MapGridResponse: {
            code: string;
            name: string;
            communityCode: string;
            /** @description null until one is set */
            boundary: (components["schemas"]["Polygon"] | components["schemas"]["MultiPolygon"]) | null;
            /** @description [minLon, minLat, maxLon, maxLat] */
            bbox: number[] | null;
            /** @description Open cases the caller may see */
            openCases: number;
            overdueCases: number;
            /** @description overdueCases / openCases (0 when none open) */
            overdueShare: number;
        };
        MapCasePointResponse: {
            /** Format: uuid */
            id: string;
            reference: string;
            /** @enum {string} */
            tier: "blue" | "yellow" | "red";
            status: string;
            category: string;
            overdue: boolean;
            gridCode: string;
            lon: number;
            lat: number;
        };
        MapReportPointResponse: {
            /** Format: uuid */
            id: string;
            reference: string;
            category: string;
            urgency: string;
            status: string;
            gridCode: string;
            lon: number;
            lat: number;
        };
        MapDataResponse: {
            street: components["schemas"]["MapStreetResponse"];
            /** Format: date-time */
            generatedAt: string;
            grids: components["schemas"]["MapGridResponse"][];
            cases: components["schemas"]["MapCasePointResponse"][];
            reports: components["schemas"]["MapReportPointResponse"][];
            /** @description More points matched than the 5,000 sent of a kind */
            truncated: boolean;
        };
        CandidateView: {
            /** Format: uuid */
            id: string;
            displayName: string;
            /** @enum {string} */
            role: "judicial_officer" | "lawyer" | "panel_member";
            /** @enum {string|null} */
            institution?: "police_station" | "judicial_office" | "law_firm" | "court" | null;
        };
        TriagePreviewDto: {
            riskIndicators: ("threat_of_violence" | "threat_of_self_harm" | "criminal_risk" | "homicide_risk" | "domestic_violence" | "threat_of_revenge" | "weapons_or_poison" | "mass_victim_financial" | "prior_physical_conflict" | "public_order_impact" | "legal_complexity" | "large_amount" | "petition_risk" | "migrant_wage_arrears" | "vulnerable_party" | "many_parties" | "repeated_dispute" | "media_attention" | "special_care_person" | "repeated_110_calls" | "economic_hardship" | "sensitive_period" | "cross_jurisdiction" | "family_conflict" | "property_damage")[];
            /** @enum {string|null} */
            requestedTier?: "blue" | "yellow" | "red" | null;
            tierReason?: string | null;
            amount?: number | null;
            partyCount?: number | null;
        };
        WorkingPeriodResponse: {
            /** @example 08:30 */
            start: string;
            /** @example 12:00 */
            end: string;
        };
        CalendarYearResponse: {
            /** @example 2026 */
            year: number;
            holidays: string[];
            makeUpDays: string[];
            source?: string;
            /** @enum {string} */
            origin: "official" | "edited";
            /** Format: date-time */
            updatedAt: string | null;
            updatedBy: string | null;
        };
        CalendarResponse: {
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @example 480 */
            utcOffsetMinutes: number;
            workingHours: components["schemas"]["WorkingPeriodResponse"][];
            /**
             * @example [
             *       2025,
             *       2026
             *     ]
             */
            coveredYears: number[];
            years: components["schemas"]["CalendarYearResponse"][];
        };
        ImportIcsDto: {
            /** @description The text of an iCalendar (.ics) file */
            ics: string;
            /** @example china-holidays.ics */
            source?: string;
        };
        RetimingResponse: {
            /** @example calendar-retime-2026-1764547200000 */
            jobId: string;
            /** @description Queued now; false when the queue was away, and the worker queues it within a reconcile interval */
            queued: boolean;
        };
        CalendarEditResponse: {
            year: components["schemas"]["CalendarYearResponse"];
            /** @description The background job that counts the open deadlines again; each timer it moves is recorded on its case as DEADLINE_RETIMED */
            retiming: components["schemas"]["RetimingResponse"];
        };
        PutCalendarYearDto: {
            /**
             * @description Days off (YYYY-MM-DD)
             * @example [
             *       "2027-01-01"
             *     ]
             */
            holidays: string[];
            /**
             * @description Make-up working days (调休): Saturdays or Sundays that are worked
             * @example [
             *       "2027-02-06"
             *     ]
             */
            makeUpDays: string[];
            /**
             * @description Where the data comes from
             * @example 国办发明电〔2026〕x号
             */
            source?: string;
        };
        NextStepResponse: {
            timerId: string | null;
            /** @enum {string} */
            kind: "deadline" | "follow_up" | "confirmation_window" | "state";
            /** Format: date-time */
            dueAt: string | null;
            /** @example 若在 12月8日（周二）17:30 前未达成协议，案件将自动升级为黄色，由司法所会同律师会诊 */
            text: string;
        };
        NextResponse: {
            disputeId: string;
            status: string;
            /** @enum {string} */
            lang: "zh" | "en";
            steps: components["schemas"]["NextStepResponse"][];
        };
        UnitWatchResponse: {
            unitCode: string;
            atRisk: number;
            overdue: number;
        };
        DeadlineWatchResponse: {
            timerId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @enum {string} */
            countedIn: "working_time" | "calendar_time";
            /** @description The deadline's window, in ms of the time it is counted in */
            windowMs: number;
            remainingMs: number;
            /** @description What is left as a share of the window */
            shareLeft: number;
            /** @enum {string|null} */
            risk: "at_risk" | "overdue" | null;
        };
        WatchedCaseResponse: {
            id: string;
            reference: string;
            title: string;
            /** @enum {string} */
            tier: "blue" | "yellow" | "red";
            status: string;
            gridCode: string;
            communityCode: string;
            streetCode: string;
            /** @enum {string} */
            risk: "at_risk" | "overdue";
            deadline: components["schemas"]["DeadlineWatchResponse"];
            openNotices: number;
        };
        WatchListResponse: {
            /** Format: date-time */
            generatedAt: string;
            /** @example 0.2 */
            share: number;
            units: components["schemas"]["UnitWatchResponse"][];
            cases: components["schemas"]["WatchedCaseResponse"][];
            truncated: boolean;
        };
        IssueSupervisionDto: {
            /** @example 当事人多次来访，请尽快组织调解 */
            reason: string;
            /**
             * Format: date-time
             * @description By when the handler must act
             */
            dueBy: string;
        };
        SupervisionNoticeResponse: {
            id: string;
            disputeId: string;
            issuedBy: string;
            reason: string;
            /** Format: date-time */
            dueBy: string;
            /** Format: date-time */
            issuedAt: string;
            acknowledgedBy: string | null;
            /** Format: date-time */
            acknowledgedAt: string | null;
            acknowledgement: string | null;
            /** @description Not yet acknowledged */
            open: boolean;
        };
        AcknowledgeSupervisionDto: {
            /** @example 已约双方周四上午调解 */
            note?: string;
        };
        UploadAttachmentBody: {
            /**
             * Format: binary
             * @description JPEG, PNG, WebP, HEIC or PDF, checked by content; at most ATTACHMENT_MAX_BYTES
             */
            file: string;
        };
        AttachmentResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            disputeId: string;
            /** @description the uploader's file name, for display only */
            name: string;
            /**
             * @description sniffed from the content
             * @enum {string}
             */
            mediaType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "application/pdf";
            /** @description bytes */
            size: number;
            /** @description SHA-256 of the bytes, hex; also on the audit trail */
            sha256: string;
            /** @description user id of who added it */
            addedBy: string;
            addedByName: string | null;
            /** Format: date-time */
            addedAt: string;
            /** @description seq of the ATTACHMENT_ADDED record on the audit trail */
            auditSeq: number;
            withdrawn: boolean;
            /** Format: date-time */
            withdrawnAt: string | null;
            withdrawnBy: string | null;
            withdrawnReason: string | null;
        };
        WithdrawAttachmentDto: {
            /** @description why the upload was a mistake */
            reason: string;
        };
        DocumentListingResponse: {
            /** @enum {string} */
            kind: "application" | "agreement" | "oral_agreement" | "follow_up" | "closing_report" | "confirmation_application";
            /** @example 人民调解协议书 */
            title: string;
            /** @example agreement@1 */
            templateVersion: string;
            formats: ("pdf" | "docx")[];
        };
        SigningKeyResponse: {
            /** @enum {string} */
            algorithm: "Ed25519";
            /** @description SPKI PEM of the key that signs bundle manifests */
            publicKeyPem: string;
            /** @description SHA-256 of the key's DER, hex: pin it with --public-key */
            fingerprint: string;
        };
        /** @description Cases opened in the month */
        MonthlyReportAccepted: {
            total: number;
            /** @description 人民调解 (people), 治安调解 (police), 诉前/法院调解 (court) */
            byMediationType: {
                people: number;
                police: number;
                court: number;
            };
            /** @description By the source recorded at opening; only the sources that occur */
            bySource: {
                [key: string]: number;
            };
            /** @description By category; only the categories that occur */
            byCategory: {
                [key: string]: number;
            };
            /** @description By tier: opened at (accepted), or at closing (closed) */
            byTier: {
                blue: number;
                yellow: number;
                red: number;
            };
            /** @description The amount at stake, yuan to the cent */
            amount: number;
        };
        /** @description Cases closed in the month */
        MonthlyReportClosed: {
            total: number;
            /** @description 人民调解 (people), 治安调解 (police), 诉前/法院调解 (court) */
            byMediationType: {
                people: number;
                police: number;
                court: number;
            };
            /** @description By the source recorded at opening; only the sources that occur */
            bySource: {
                [key: string]: number;
            };
            /** @description By category; only the categories that occur */
            byCategory: {
                [key: string]: number;
            };
            /** @description By tier: opened at (accepted), or at closing (closed) */
            byTier: {
                blue: number;
                yellow: number;
                red: number;
            };
            /** @description By outcome (`unknown` for a case closed without one); only those that occur */
            byOutcome: {
                [key: string]: number;
            };
        };
        MonthlyReportMediation: {
            /** @description Successful plus the cases closed as a failure of mediation */
            concluded: number;
            /** @description Agreements reached in the month (调解成功) */
            successful: number;
            /** @description successful / concluded; null when none concluded */
            successRate: number | null;
        };
        /** @description Agreements reached in the month */
        MonthlyReportAgreements: {
            written: number;
            oral: number;
            /** @description The amount of the cases agreed, yuan to the cent */
            amount: number;
        };
        /** @description Follow-ups recorded in the month */
        MonthlyReportPerformance: {
            full: number;
            partial: number;
            none: number;
        };
        MonthlyReportJudicialConfirmation: {
            applied: number;
            granted: number;
            refused: number;
        };
        /** @description Each tier’s share of the settled cases; null when none was settled */
        MonthlyReportTierShares: {
            blue: number | null;
            yellow: number | null;
            red: number | null;
        };
        /** @description Cases closed resolved in the month by the tier that settled them (小事不出网格) */
        MonthlyReportSettledByTier: {
            blue: number;
            yellow: number;
            red: number;
            total: number;
            shares: components["schemas"]["MonthlyReportTierShares"];
        };
        /** @description Supervision (督办) in the month */
        MonthlyReportSupervision: {
            /** @description Notices issued in the month */
            issued: number;
            /** @description Distinct cases a notice was issued on in the month */
            pressedCases: number;
            /** @description Acknowledgements recorded in the month */
            acknowledged: number;
            /** @description Notices whose time (dueBy) fell in the month and has passed, unanswered by then */
            pastDueUnacknowledged: number;
            /** @description Distinct cases that missed a deadline in the month after a notice pressed on them */
            breachedAfterPressing: number;
        };
        /** @description 人民调解工作统计: one unit’s month, the figures of the XLSX and CSV */
        MonthlyReport: {
            /**
             * @description The street, community or grid code
             * @example S1
             */
            unit: string;
            /**
             * @description YYYY-MM
             * @example 2026-11
             */
            month: string;
            /**
             * Format: date-time
             * @description The month’s start in Beijing time
             */
            from: string;
            /**
             * Format: date-time
             * @description The next month’s start in Beijing time (exclusive)
             */
            to: string;
            accepted: components["schemas"]["MonthlyReportAccepted"];
            closed: components["schemas"]["MonthlyReportClosed"];
            mediation: components["schemas"]["MonthlyReportMediation"];
            agreements: components["schemas"]["MonthlyReportAgreements"];
            performance: components["schemas"]["MonthlyReportPerformance"];
            judicialConfirmation: components["schemas"]["MonthlyReportJudicialConfirmation"];
            settledByTier: components["schemas"]["MonthlyReportSettledByTier"];
            /** @description Cases that missed a deadline (DEADLINE_EXPIRED) in the month */
            overdue: number;
            supervision: components["schemas"]["MonthlyReportSupervision"];
        };
        PanelMemberInput: {
            userId: string;
            /** @enum {string} */
            institution: "police_station" | "judicial_office" | "law_firm" | "court";
        };
        /**
         * ACCEPT
         * @description yellow.awaitingAcceptance → yellow.jointReview: a judicial officer accepts the case
         */
        AcceptEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ACCEPT";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            officerId: string;
            lawyerId: string;
            /** @description Parties who consented to this body; the others are recorded as not objecting */
            consentingPartyIds?: string[];
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            rightsNoticeHow?: "oral" | "written";
        };
        /**
         * CONVENE_PANEL
         * @description red.convening → red.panelMediation, once all four institutions sit on it
         */
        ConvenePanelEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CONVENE_PANEL";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            members: components["schemas"]["PanelMemberInput"][];
            /** @description Parties who consented to the panel; the others are recorded as not objecting */
            consentingPartyIds?: string[];
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            rightsNoticeHow?: "oral" | "written";
        };
        /**
         * REACH_AGREEMENT
         * @description The handler records the mediation agreement → agreed
         */
        ReachAgreementEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REACH_AGREEMENT";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            terms: string;
            performanceDueAt?: string;
            /** @description Who signed: party ids, or a party’s guardian or agent (`p2-g`, `p2-a`), who signs for them; a minor or incapacitated party is signed for by their guardian (PML Art. 29, 民法典 Art. 23) */
            signedByPartyIds: string[];
            /**
             * @description PML Art. 28 (default written)
             * @enum {string}
             */
            form?: "written" | "oral";
            /** @description The people’s mediation committee (default the case’s) */
            organisation?: string;
            /** @description Mediators who sign it (default the sender) */
            mediatorIds?: string[];
            /** @description Art. 29: the facts */
            facts?: string;
            /** @description Art. 29: the issues in dispute */
            issues?: string;
            /** @description Art. 29: the committee’s seal is applied (a written agreement takes effect only with it) */
            sealed?: boolean;
        };
        /**
         * ESCALATE
         * @description blue → yellow.awaitingAcceptance; yellow → red.convening
         */
        EscalateEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ESCALATE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
        };
        /**
         * DOWNGRADE
         * @description yellow → blue.mediating; red → yellow.awaitingAcceptance
         */
        DowngradeEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DOWNGRADE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
        };
        /**
         * EMERGENCY_ESCALATE
         * @description blue or yellow → red.convening at once
         */
        EmergencyEscalateEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "EMERGENCY_ESCALATE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
        };
        /**
         * REFER_TO_LITIGATION
         * @description red.panelMediation → closed (referred_to_litigation)
         */
        ReferToLitigationEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REFER_TO_LITIGATION";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
        };
        /**
         * WITHDRAW
         * @description Any open state → closed (withdrawn; settled_by_parties with ground settled_by_parties); after an agreement took effect → followUp (non-performance, PML Art. 31)
         */
        WithdrawEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "WITHDRAW";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
            /**
             * @description party_ended (default) closes the case withdrawn; settled_by_parties (自行和解) closes it settled_by_parties, with no Art. 26 notice. After an agreement took effect, a withdrawal is non-performance (→ followUp) and settled_by_parties is refused
             * @enum {string}
             */
            ground?: "party_ended" | "settled_by_parties";
        };
        /**
         * TRANSFER
         * @description Any open state → closed (transferred): handed to another agency
         */
        TransferEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "TRANSFER";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
            agency: string;
        };
        /**
         * RECORD_REFUSAL
         * @description A party declines mediation → closed (refused); the other routes are recorded
         */
        RecordRefusalEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RECORD_REFUSAL";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            partyId: string;
            note: string;
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
        };
        /**
         * EXTEND_DEADLINE
         * @description Moves the running deadline later, with every party consenting
         */
        ExtendDeadlineEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "EXTEND_DEADLINE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /**
             * Format: date-time
             * @description The new deadline. Give this or `by`, not both.
             */
            until?: string;
            /**
             * @description Working time added to the current deadline (or to now, if it has passed): working days `3WD` or working hours `4WH`, on the business calendar. Give this or `until`.
             * @example 3WD
             */
            by?: string;
            consentingPartyIds: string[];
        };
        /**
         * SUSPEND
         * @description Any open state → suspended: every timer pauses
         */
        SuspendEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SUSPEND";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
        };
        /**
         * RESUME
         * @description suspended → where it was, timers re-armed with the time that was left
         */
        ResumeEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RESUME";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
        };
        /**
         * REQUEST_JUDICIAL_CONFIRMATION
         * @description agreed or followUp → agreed.judicialConfirmation, within the 30-day window (PML Art. 33)
         */
        RequestJudicialConfirmationEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REQUEST_JUDICIAL_CONFIRMATION";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            /** @description The court applied to */
            court?: string;
            /** @description Every party: the application is joint */
            applicantPartyIds?: string[];
        };
        /**
         * RECORD_CONFIRMATION
         * @description agreed.judicialConfirmation → agreed, with the court's answer
         */
        RecordConfirmationEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RECORD_CONFIRMATION";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            /** @description Required unless result is given */
            confirmed?: boolean;
            /**
             * @description CPL Art. 206: the court’s answer
             * @enum {string}
             */
            result?: "not_accepted" | "withdrawn" | "confirmed" | "rejected";
            court?: string;
            /** @description The ruling’s number; required when confirmed */
            rulingNumber?: string;
            note?: string;
        };
        /**
         * RECORD_FOLLOW_UP
         * @description The follow-up visit: full → closed (resolved); partial or none → back
         */
        RecordFollowUpEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RECORD_FOLLOW_UP";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            /** @enum {string} */
            performed: "full" | "partial" | "none";
            note?: string;
            /**
             * @description PML Art. 32: urge performance, or tell the parties they may sue
             * @enum {string}
             */
            next?: "urge" | "sue";
        };
        /** RECORD_CONSENT */
        RecordConsentEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RECORD_CONSENT";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            partyIds: string[];
            /** @enum {string} */
            form: "application" | "consent" | "no_objection";
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            rightsNoticeHow?: "oral" | "written";
        };
        /** CHOOSE_OTHER_ROUTE */
        ChooseOtherRouteEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CHOOSE_OTHER_ROUTE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /**
             * @description How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26
             * @enum {string}
             */
            noticeHow?: "oral" | "written";
            /** @enum {string} */
            route: "arbitration" | "administrative" | "litigation";
        };
        /** REPORT_TO_POLICE */
        ReportToPoliceEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REPORT_TO_POLICE";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            /** @enum {string} */
            risk: "violence" | "self_harm" | "threats" | "criminal";
            /** @description The police station told */
            station?: string;
        };
        /** REPLACE_MEDIATOR */
        ReplaceMediatorEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REPLACE_MEDIATOR";
            /** @description Refuse with 409 unless the case is at this version (optimistic concurrency) */
            expectedVersion?: number;
            reason: string;
            replacedUserId: string;
            replacementUserId: string;
            /** @description The party who asked for it */
            requestedByPartyId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
        };
    };
    listUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"][];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only admins and supervisors (a supervisor only in their own street) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnit"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description Bad input, or a parent of the wrong kind */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only admins and supervisors (a supervisor only in their own street) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The code is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only admins and supervisors (a supervisor only in their own street) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUser"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad input (the password policy too), an unknown unit or one of the wrong kind for the role */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only admins and supervisors (a supervisor only in their own street) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The username is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: retry later */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (User.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description The user after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description A field is invalid (the password policy, a unit) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a change the caller may make */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such user the caller may manage */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: retry later */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accountAudit: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountAudit"];
                };
            };
            /** @description limit is not an integer from 1 to 1000 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown username, wrong password or deactivated user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many attempts from this address or for this account (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            /** @description Token invalid, revoked, or the session is too old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: retry later */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: retry later */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description A new token for the same account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            /** @description The new password fails the policy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid token, or the current password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: retry later */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listUnitNames: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"][];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDisputes: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                tier?: "blue" | "yellow" | "red";
                status?: "blue.mediating" | "yellow.awaitingAcceptance" | "yellow.jointReview" | "red.convening" | "red.panelMediation" | "agreed" | "agreed.judicialConfirmation" | "followUp" | "suspended" | "closed";
                /** @description A street, community or grid code */
                unit?: string;
                /** @description Only cases flagged overdue (or not) */
                overdue?: boolean;
                /** @description Searched in title, description and reference */
                text?: string;
                /** @description The nextCursor of the previous page: the cases after it, newest first. Stays fast at any depth, unlike page; not with page. */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisputeList"];
                };
            };
            /** @description A filter or paging parameter is wrong (a stale or foreign cursor too) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    openDispute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenDispute"];
            };
        };
        responses: {
            /** @description The new case */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description Bad input, an unknown grid or risk indicator, or a lower tier without tierReason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller may not open a case in that grid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDisputeEvents: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only records with a larger seq (the last seq you have) */
                afterSeq?: number;
            };
            header?: never;
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRecord"][];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendDisputeEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any string the client picks, unique per intended change (a UUID will do). A repeat with the same key and the same request answers what the first request was answered (masked for the caller as they are now) and writes nothing; the same key with a different request is a 422 (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        /** @description The event: its type, expectedVersion if wanted, and its payload fields */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptEvent"] | components["schemas"]["ConvenePanelEvent"] | components["schemas"]["ReachAgreementEvent"] | components["schemas"]["EscalateEvent"] | components["schemas"]["DowngradeEvent"] | components["schemas"]["EmergencyEscalateEvent"] | components["schemas"]["ReferToLitigationEvent"] | components["schemas"]["WithdrawEvent"] | components["schemas"]["TransferEvent"] | components["schemas"]["RecordRefusalEvent"] | components["schemas"]["ExtendDeadlineEvent"] | components["schemas"]["SuspendEvent"] | components["schemas"]["ResumeEvent"] | components["schemas"]["RequestJudicialConfirmationEvent"] | components["schemas"]["RecordConfirmationEvent"] | components["schemas"]["RecordFollowUpEvent"] | components["schemas"]["RecordConsentEvent"] | components["schemas"]["ChooseOtherRouteEvent"] | components["schemas"]["ReportToPoliceEvent"] | components["schemas"]["ReplaceMediatorEvent"];
            };
        };
        responses: {
            /** @description The case after the event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description Bad input: an unknown type, a payload field missing or wrong, a bad key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description expectedVersion is stale, the case changed while the event was applied (retry), or the Idempotency-Key was used on this case by someone else */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The event is refused: `reason` says why, `allowedEvents` what may be sent now. IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was already used on this case for a different request (another type or body); a replay must repeat it exactly */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refusal"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAllowedEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedEvents"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verifyDisputeAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDisputeTimers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description The case id (Dispute.id) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timer"][];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    healthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    healthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready for traffic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description a check failed, or the process is draining after SIGTERM */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database does not answer: nothing works */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description missing or wrong METRICS_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
            /** @description METRICS_TOKEN is not set: metrics are switched off */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Only unread notifications */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedRead"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The notification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such notification in the caller's inbox */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAgenda: {
        parameters: {
            query: {
                /** @description A community or street code */
                unit: string;
                /** @description Build a new agenda now */
                fresh?: boolean;
                /** @description At most this many items of each list (per community on a street agenda) */
                limit?: number;
                /** @description Skip this many items of each list (the next page: offset + limit) */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityAgenda"] | components["schemas"]["StreetAgenda"];
                };
            };
            /** @description Bad input, or a grid (agendas are for communities and streets) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The unit is outside the caller’s jurisdiction, or fresh=true by another role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn; or too many rebuilds (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    buildAgenda: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BuildAgendaDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityAgenda"] | components["schemas"]["StreetAgenda"];
                };
            };
            /** @description Bad input, or a grid (agendas are for communities and streets) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a supervisor or admin, or not your unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn; or too many rebuilds (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description A street, community or grid code */
                unit?: string;
                /** @description Cases opened at or after this ISO 8601 date or date-time */
                from?: string;
                /** @description Cases opened before this ISO 8601 date or date-time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description Bad input, or from not before to */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database or Redis is unavailable: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listReports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description A day in Asia/Shanghai: the reports filed that day */
                day?: string;
                status?: "open" | "handled" | "converted";
                category?: "dispute_risk" | "fraud_risk" | "safety_hazard" | "public_order" | "help_needed";
                /** @description A street, community or grid code */
                unit?: string;
                /** @description Only reports nobody looked at in time (or only the others) */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPageResponse"];
                };
            };
            /** @description A filter is invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    fileReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description A field is missing or invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller may not file in that grid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReportEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportEventResponse"][];
                };
            };
            /** @description id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    handleReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandleReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description note is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller does not work this report */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Already handled or converted, or a stale expectedVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    assignReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description assigneeId is not on the team */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller does not work this report */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Already handled or converted, or a stale expectedVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReportIntake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakePrefillResponse"];
                };
            };
            /** @description id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    convertReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConvertReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertResponse"];
                };
            };
            /** @description The completed intake form is invalid (e.g. fewer than two parties) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller may not work the report or open a case in its grid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such report in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Already handled or converted, or a stale expectedVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such community in the caller’s jurisdiction (or no such member) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    addTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddTeamMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description The user cannot hold that team role here */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller may not change this team */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such community in the caller’s jurisdiction (or no such member) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user is already on the team */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTeamChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamChangeResponse"][];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such community in the caller’s jurisdiction (or no such member) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description userId is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller may not change this team */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such community in the caller’s jurisdiction (or no such member) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setDisputeLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCaseLocationDto"];
            };
        };
        responses: {
            /** @description The case, as GET /disputes/:id returns it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description lon or lat is missing or out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a handler of the case, its community's police or its street's supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such case in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A stale expectedVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setGridBoundary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetBoundaryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryResponse"];
                };
            };
            /** @description Bad geometry: the message names the position or ring and the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the admin or a supervisor of the street */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such grid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMap: {
        parameters: {
            query?: {
                /** @description The street code; the caller's own street when left out (admins must name one) */
                street?: string;
                /** @description Case points at this tier (reports have none) */
                tier?: "blue" | "yellow" | "red";
                /** @description A case's or a report's category */
                category?: string;
                /** @description Opened or filed at or after */
                from?: string;
                /** @description Opened or filed before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MapDataResponse"];
                };
            };
            /** @description A filter is invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No or bad bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such street in the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDisputeCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateView"][];
                };
            };
        };
    };
    previewTriage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriagePreviewDto"];
            };
        };
        responses: {
            /** @description The suggested tier, the matched indicators and the thresholds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskAssessment"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarResponse"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not an admin (or, to read, a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importCalendarIcs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportIcsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEditResponse"][];
                };
            };
            /** @description Not iCalendar, or a bad day (naming the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not an admin (or, to read, a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEditResponse"];
                };
            };
            /** @description A bad year or date, naming the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not an admin (or, to read, a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDisputeNext: {
        parameters: {
            query?: {
                /** @description Overrides Accept-Language */
                lang?: "zh" | "en";
            };
            header: {
                "accept-language": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextResponse"];
                };
            };
            /** @description A bad lang */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupervisionWatchList: {
        parameters: {
            query?: {
                /** @description A street, community or grid code */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchListResponse"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupervisionNotices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionNoticeResponse"][];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    issueSupervisionNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueSupervisionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionNoticeResponse"];
                };
            };
            /** @description A bad reason or dueBy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a supervisor or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The case is closed, or changed meanwhile: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    acknowledgeSupervisionNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                noticeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeSupervisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionNoticeResponse"];
                };
            };
            /** @description Bad input: `message` names the problem, `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a handler of the case */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such case or notice */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Already acknowledged, or the case changed meanwhile: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAttachments: {
        parameters: {
            query?: {
                /** @description also list withdrawn attachments (default false) */
                includeWithdrawn?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentResponse"][];
                };
            };
            /** @description a bad query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or no such attachment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    addAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadAttachmentBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentResponse"];
                };
            };
            /** @description no `file` part */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or no such attachment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the case changed meanwhile: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description larger than ATTACHMENT_MAX_BYTES; nothing stored */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted type by content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the bytes as uploaded; header X-Content-SHA256 carries their hash */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "image/heic": string;
                    "application/pdf": string;
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or no such attachment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    withdrawAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawAttachmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentResponse"];
                };
            };
            /** @description no reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description neither who added it, a handler of the case nor its supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or no such attachment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the case changed meanwhile: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many changes by this user: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentListingResponse"][];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or the document is not available yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    renderDocument: {
        parameters: {
            query?: {
                format?: "pdf" | "docx";
            };
            header?: never;
            path: {
                id: string;
                kind: "application" | "agreement" | "oral_agreement" | "follow_up" | "closing_report" | "confirmation_application";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description an unknown kind or format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case (or the caller may not see it), or the document is not available yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    downloadBundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the bundle; X-Chain-Head-Seq and X-Chain-Head-Hash name its chain head */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such case, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    bundleSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyResponse"];
                };
            };
        };
    };
    monthlyReport: {
        parameters: {
            query: {
                /** @description a street, community or grid code */
                unit: string;
                /** @description YYYY-MM, in Beijing time */
                month: string;
                /** @description overrides Accept; default xlsx (json is the same figures, for integrators) */
                format?: "xlsx" | "csv" | "json";
            };
            header?: {
                /** @description application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv or application/json */
                Accept?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                    "application/json": components["schemas"]["MonthlyReport"];
                };
            };
            /** @description a missing or bad unit, month or format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not a supervisor or judicial officer of the unit’s street */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and HEAVY_QUERY_QUEUE more waiting their turn (retry after `Retry-After` seconds) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
