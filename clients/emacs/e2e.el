;;; e2e.el --- ArchLens end-to-end test with Emacs eglot, in batch mode  -*- lexical-binding: t; -*-

;; Run by clients/emacs/e2e.sh:  emacs --batch -l clients/emacs/e2e.el
;; Environment: ARCHLENS_CMD (the server command, words separated by spaces), ARCHLENS_E2E_DIR (a scratch copy
;; of clients/e2e/project).  Opens the Dockerfile and compose file under eglot, waits for the diagnostics
;; (through flymake, as a user sees them), asks for the quick fixes of a finding, applies one, and checks that
;; the buffer changed and the finding went away.  Exits non-zero with a clear message on any failure.

;;; Code:

(require 'package)
(package-initialize)
(unless (require 'eglot nil t)
  ;; Debian's elpa-eglot without package activation
  (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
    (add-to-list 'load-path d))
  (require 'eglot))
(require 'flymake)
(require 'cl-lib)
(require 'subr-x)

(defvar archlens-e2e-timeout (string-to-number (or (getenv "ARCHLENS_E2E_TIMEOUT") "30")))
(defvar archlens-e2e-dir (file-name-as-directory (or (getenv "ARCHLENS_E2E_DIR") (error "ARCHLENS_E2E_DIR is not set"))))
(defvar archlens-e2e-cmd (split-string (or (getenv "ARCHLENS_CMD") (error "ARCHLENS_CMD is not set")) " " t))

(defun archlens-e2e-log (fmt &rest args)
  (princ (concat "[emacs-e2e] " (apply #'format fmt args) "\n") #'external-debugging-output))

(defun archlens-e2e-fail (fmt &rest args)
  (let ((msg (apply #'format fmt args)))
    (princ (concat "[emacs-e2e] FAIL: " msg "\n") #'external-debugging-output)
    (archlens-e2e-log "buffer %s: flymake-mode %s, running backends %S, reporting %S, eglot diagnostics %s"
                      (buffer-name) (bound-and-true-p flymake-mode) (ignore-errors (flymake-running-backends))
                      (ignore-errors (flymake-reporting-backends))
                      (length (bound-and-true-p eglot--diagnostics)))
    (when-let ((server (or archlens-e2e-server (ignore-errors (eglot-current-server)))))
      (with-current-buffer (jsonrpc-events-buffer server)
        (when-let ((f (getenv "ARCHLENS_E2E_EVENTS")))
          (write-region (point-min) (point-max) f))
        (princ (concat "[emacs-e2e] last events:\n"
                       (buffer-substring-no-properties (max (point-min) (- (point-max) 3000)) (point-max)) "\n")
               #'external-debugging-output)))
    (kill-emacs 1)))

(defun archlens-e2e-wait (what pred)
  "Process events until PRED is non-nil, or fail after the timeout naming WHAT."
  (let ((deadline (+ (float-time) archlens-e2e-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      ;; batch Emacs has no command loop: run what it runs after each command (flymake starts its deferred
      ;; checks there), then let process output and timers in
      (run-hooks 'post-command-hook)
      ;; nor does it go idle, so eglot's idle timer never sends the pending didChange: send it as it would
      (when (eglot-managed-p)
        (eglot--signal-textDocument/didChange))
      (accept-process-output nil 0.05))
    (unless (funcall pred)
      (archlens-e2e-fail "timed out after %ss waiting for %s" archlens-e2e-timeout what))))

;; Emacs 28 has neither dockerfile-mode nor yaml-mode built in; these stand in for them (users map the real
;; modes, see docs/editors.md).  eglot manages both with one server.
(define-derived-mode archlens-dockerfile-mode prog-mode "Dockerfile")
(define-derived-mode archlens-yaml-mode prog-mode "YAML")
(add-to-list 'auto-mode-alist '("/Dockerfile\\'" . archlens-dockerfile-mode))
(add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . archlens-yaml-mode))

(setq eglot-server-programs
      `((((archlens-dockerfile-mode :language-id "dockerfile") (archlens-yaml-mode :language-id "yaml"))
         . (,@archlens-e2e-cmd :initializationOptions (:rules (:compose/service-without-healthcheck "off")))))
      eglot-sync-connect 10
      eglot-connect-timeout 60
      eglot-send-changes-idle-time 0.1
      eglot-confirm-server-initiated-edits nil
      flymake-no-changes-timeout 0.2
      ;; a transient project rooted at the scratch directory (it is not a VCS checkout)
      project-find-functions (list (lambda (_dir) (cons 'transient archlens-e2e-dir))))

(defvar archlens-e2e-published (make-hash-table :test #'equal)
  "URI -> the document version of the last diagnostics the server published for it.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (puthash (plist-get params :uri) (plist-get params :version) archlens-e2e-published))))

(defun archlens-e2e-fresh-p ()
  "Non-nil when the server's last diagnostics for this buffer are for its current version."
  (let ((v (gethash (eglot--path-to-uri (buffer-file-name)) archlens-e2e-published 'none)))
    (and (not (eq v 'none)) (equal v eglot--versioned-identifier))))

(defvar archlens-e2e-server nil "The eglot server of the test's buffers.")

(setq-default
 ;; answered to the server's workspace/configuration request for the section "archlens" (buffer-local variable,
 ;; usually set in .dir-locals.el: see docs/editors.md)
 eglot-workspace-configuration '(:archlens (:rules (:compose/obsolete-version "error"))))

(defun archlens-e2e-open (name)
  (let ((buf (find-file-noselect (expand-file-name name archlens-e2e-dir))))
    ;; shown in the (batch) frame's window, as a user would see it: flymake checks only displayed buffers
    (switch-to-buffer buf)
    (unless (eglot-managed-p)
      (if (eglot-current-server)
          (eglot--maybe-activate-editing-mode)
        (let ((inhibit-message t))
          (call-interactively #'eglot))))
    (archlens-e2e-wait (format "eglot to manage %s" name) #'eglot-managed-p)
    ;; a buffer eglot took over while it was not displayed has its Flymake start deferred to the next redisplay,
    ;; which batch Emacs never does
    (unless (flymake-running-backends)
      (flymake-start nil t))
    (setq archlens-e2e-server (eglot-current-server))
    buf))

(defun archlens-e2e-lsp-diag (d)
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))

(defun archlens-e2e-findings (rule &optional pred)
  "Flymake diagnostics of the current buffer reported by the server for RULE."
  (cl-remove-if-not
   (lambda (d)
     (let ((lsp (archlens-e2e-lsp-diag d)))
       (and lsp (equal (plist-get lsp :code) rule) (or (null pred) (funcall pred lsp)))))
   (flymake-diagnostics)))

(defun archlens-e2e-fix (file rule &rest opts)
  "Apply a quick fix for RULE in FILE.  OPTS: :title regexp, :pred, :expect regexp, :gone regexp, :still rules."
  (archlens-e2e-log "case: %s %s" file rule)
  (with-current-buffer (archlens-e2e-open file)
    (let ((pred (plist-get opts :pred)))
      (archlens-e2e-wait (format "%s in flymake" rule)
                         (lambda () (and (archlens-e2e-fresh-p) (archlens-e2e-findings rule pred))))
      (let* ((diag (car (archlens-e2e-findings rule pred)))
             (before (buffer-string))
             (before-count (length (archlens-e2e-findings rule)))
             (actions (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) "quickfix"))
             (ours (cl-remove-if-not
                    (lambda (a) (cl-some (lambda (d) (equal (plist-get d :code) rule))
                                         (plist-get a :diagnostics)))
                    actions))
             (title (plist-get opts :title))
             (chosen (or (and title (cl-find-if (lambda (a) (string-match-p title (plist-get a :title))) ours))
                         (and (not title) (cl-find-if (lambda (a) (plist-get a :isPreferred)) ours)))))
        (unless chosen
          (archlens-e2e-log "diag at %s-%s (line %s): %S" (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag)
                            (line-number-at-pos (flymake-diagnostic-beg diag)) (archlens-e2e-lsp-diag diag))
          (archlens-e2e-fail "no quick fix for %s (actions: %s)" rule
                             (mapconcat (lambda (a) (plist-get a :title)) actions " | ")))
        (archlens-e2e-log "  applying \"%s\"" (plist-get chosen :title))
        (eglot--apply-workspace-edit (plist-get chosen :edit))
        (let ((after (buffer-string)))
          (when (equal after before)
            (archlens-e2e-fail "the buffer did not change after \"%s\"" (plist-get chosen :title)))
          (when (and (plist-get opts :expect) (not (string-match-p (plist-get opts :expect) after)))
            (archlens-e2e-fail "after the fix the buffer lacks %s:\n%s" (plist-get opts :expect) after))
          (when (and (plist-get opts :gone) (string-match-p (plist-get opts :gone) after))
            (archlens-e2e-fail "after the fix the buffer still has %s:\n%s" (plist-get opts :gone) after)))
        ;; diagnostics for the edited text (flymake alone may just have dropped the overlay under the edit)
        (archlens-e2e-wait "diagnostics for the edited version" #'archlens-e2e-fresh-p)
        (archlens-e2e-wait (format "%s to go away after the fix" rule)
                           (lambda () (< (length (archlens-e2e-findings rule)) before-count)))
        (dolist (keep (plist-get opts :still))
          (unless (archlens-e2e-findings keep)
            (archlens-e2e-fail "%s disappeared although the fix did not touch it" keep)))
        (archlens-e2e-log "  ok: text changed, %s %d -> %d" rule before-count
                          (length (archlens-e2e-findings rule)))))))

(defun archlens-e2e-settings (file)
  "Settings reach the server from eglot-workspace-configuration and :initializationOptions."
  (archlens-e2e-log "case: settings on %s" file)
  (with-current-buffer (archlens-e2e-open file)
    (archlens-e2e-wait "compose/obsolete-version as an error (eglot-workspace-configuration)"
                       (lambda ()
                         (and (archlens-e2e-fresh-p)
                              (cl-some (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-error))
                                       (archlens-e2e-findings "compose/obsolete-version")))))
    (when (archlens-e2e-findings "compose/service-without-healthcheck")
      (archlens-e2e-fail "compose/service-without-healthcheck is reported although :initializationOptions turn it off"))
    (unless (archlens-e2e-findings "compose/dependency-without-healthcheck")
      (archlens-e2e-fail "the other compose rules are missing"))
    (archlens-e2e-log "  ok: workspace configuration and initializationOptions both apply")))

(defun archlens-e2e-only-p (kind)
  (let ((only (getenv "ARCHLENS_E2E_ONLY")))
    (or (null only) (string-empty-p only) (equal only kind))))

(archlens-e2e-log "Emacs %s, eglot %s" emacs-version
                  (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "built in"))
(condition-case err
    (progn
      (when (archlens-e2e-only-p "dockerfile")
        (archlens-e2e-fix "Dockerfile" "docker/maintainer-deprecated"
                          :title "LABEL"
                          :expect "LABEL org\\.opencontainers\\.image\\.authors"
                          :gone "^MAINTAINER"
                          :still '("docker/no-latest-tag")))
      (when (archlens-e2e-only-p "compose")
        (archlens-e2e-settings "compose.yaml")
        (archlens-e2e-fix "compose.yaml" "compose/obsolete-version" :expect "\\`services:" :gone "^version:")
        (archlens-e2e-fix "compose.yaml" "compose/no-restart-policy"
                          :pred (lambda (lsp) (string-match-p "'api'" (plist-get lsp :message)))
                          :expect "restart: unless-stopped"))
      (let ((server archlens-e2e-server))
        (unless server
          (archlens-e2e-fail "no eglot server was started"))
        (eglot-shutdown server)
        (archlens-e2e-wait "the server to exit" (lambda () (not (process-live-p (jsonrpc--process server))))))
      (archlens-e2e-log "all cases passed")
      (kill-emacs 0))
  (error (archlens-e2e-fail "%s" (error-message-string err))))

;;; e2e.el ends here
