-- ArchLens end-to-end test in headless Neovim with its built-in LSP client (no plugins).
-- Run by clients/nvim/e2e.sh: nvim --headless -u NONE -i NONE -n -c "luafile clients/nvim/e2e.lua"
-- Environment: ARCHLENS_CMD (the server command, words separated by spaces), ARCHLENS_E2E_DIR (a scratch copy of
-- clients/e2e/project). For each case it opens the file, waits for the server's diagnostics, asks for the code
-- actions on the finding, applies the quick fix, and checks that the buffer changed as intended and the finding
-- went away in the diagnostics published for the new version. Any failure exits non-zero with a clear message.

local TIMEOUT = tonumber(os.getenv('ARCHLENS_E2E_TIMEOUT_MS') or '30000')
local dir = assert(os.getenv('ARCHLENS_E2E_DIR'), 'ARCHLENS_E2E_DIR is not set')
local cmd = vim.split(assert(os.getenv('ARCHLENS_CMD'), 'ARCHLENS_CMD is not set'), ' ', { trimempty = true })

local function log(msg)
  io.stdout:write('[nvim-e2e] ' .. msg .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  io.stderr:write('[nvim-e2e] FAIL: ' .. msg .. '\n')
  local lsp_log = vim.lsp.get_log_path and vim.lsp.get_log_path()
  if lsp_log and vim.fn.filereadable(lsp_log) == 1 then
    local lines = vim.fn.readfile(lsp_log)
    io.stderr:write('[nvim-e2e] last lines of ' .. lsp_log .. ':\n')
    for i = math.max(1, #lines - 30), #lines do
      io.stderr:write('  ' .. lines[i] .. '\n')
    end
  end
  io.stderr:flush()
  vim.cmd('cquit! 1')
end

local function check(cond, msg)
  if not cond then
    fail(msg)
    error(msg) -- stop this script even if cquit returned
  end
end

local function wait(what, cond, timeout)
  local ok = vim.wait(timeout or TIMEOUT, cond, 20)
  check(ok, 'timed out after ' .. (timeout or TIMEOUT) .. ' ms waiting for ' .. what)
end

-- The raw LSP diagnostics as published (with ranges and version), while Neovim's own handler still runs.
local published = {} -- uri -> { version = n, diagnostics = {...}, count = number of publishes }
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local statuses = {} -- archlens/status notifications (opted in below)
local handlers = {
  ['archlens/status'] = function(_, result)
    table.insert(statuses, result)
  end,
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    local p = published[result.uri] or { count = 0 }
    p.version = result.version
    p.diagnostics = result.diagnostics
    p.count = p.count + 1
    published[result.uri] = p
    return default_publish(err, result, ctx, config)
  end,
}

vim.lsp.set_log_level(os.getenv('ARCHLENS_E2E_LSP_LOG') or 'warn')
local config = {
  name = 'archlens',
  cmd = cmd,
  root_dir = dir,
  handlers = handlers,
  flags = { debounce_text_changes = 50 },
  -- settings reach the server both ways: initializationOptions (fallback) and workspace/configuration
  init_options = { rules = { ['compose/service-without-healthcheck'] = 'off' }, statusNotification = true },
  settings = { archlens = { rules = { ['compose/obsolete-version'] = 'error' } } },
  -- Neovim answers workspace/configuration from `settings` but (before 0.8) does not announce it, and never sends
  -- the settings by itself: send them once, as nvim-lspconfig does
  on_init = function(c)
    c.notify('workspace/didChangeConfiguration', { settings = c.config.settings })
  end,
  capabilities = vim.lsp.protocol.make_client_capabilities(),
}
log('Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.'
  .. tostring(vim.version().patch) .. (vim.lsp.start and ' (vim.lsp.start)' or ' (vim.lsp.start_client: no vim.lsp.start before 0.8)'))

local client_id
vim.o.hidden = true
local function open(name)
  local path = dir .. '/' .. name
  local existing = vim.fn.bufnr(path)
  if existing > 0 and client_id and vim.lsp.buf_is_attached(existing, client_id) then
    -- already open and attached: keep the buffer and its unsaved edits
    vim.api.nvim_set_current_buf(existing)
    return existing, vim.uri_from_bufnr(existing)
  end
  -- (a buffer may exist without being attached: Neovim creates one for every URI the server publishes
  -- diagnostics for, and the server reports on files of the workspace that are not open)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.lsp.start then
    -- Neovim 0.8+: starts the server once and reuses it for buffers with the same root
    client_id = vim.lsp.start(vim.tbl_extend('force', config, { name = 'archlens' }))
  else
    client_id = client_id or vim.lsp.start_client(config)
    check(client_id, 'the server could not be started with: ' .. table.concat(cmd, ' '))
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

local function code_of(d)
  return d.code
end

local function find(uri, rule, pred)
  local out = {}
  local p = published[uri]
  for _, d in ipairs(p and p.diagnostics or {}) do
    if code_of(d) == rule and (pred == nil or pred(d)) then
      table.insert(out, d)
    end
  end
  return out
end

local function buf_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function current_version(bufnr)
  return vim.lsp.util.buf_versions[bufnr]
end

--- Waits for diagnostics of the buffer's current version that contain `rule` (and match pred).
local function await_finding(bufnr, uri, rule, pred)
  wait(rule .. ' in ' .. uri, function()
    local p = published[uri]
    return p ~= nil and (p.version == nil or p.version == current_version(bufnr)) and #find(uri, rule, pred) > 0
  end)
  return find(uri, rule, pred)[1]
end

local function code_actions(bufnr, uri, diag, only)
  local params = {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag }, only = only },
  }
  local resp, err = client().request_sync('textDocument/codeAction', params, TIMEOUT, bufnr)
  check(resp ~= nil, 'textDocument/codeAction failed: ' .. tostring(err))
  check(resp.err == nil, 'textDocument/codeAction error: ' .. vim.inspect(resp.err))
  return resp.result or {}
end

local function apply(bufnr, action)
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client().offset_encoding or 'utf-16')
  end
  local command = action.command
  if type(command) == 'table' then
    local resp = client().request_sync('workspace/executeCommand', command, TIMEOUT, bufnr)
    check(resp and resp.err == nil, 'executing ' .. command.command .. ' failed: ' .. vim.inspect(resp))
  end
end

--- One case: a finding, its quick fix (chosen by title pattern, else the preferred one), the text after.
local function fix_case(c)
  log('case: ' .. c.file .. ' ' .. c.rule)
  local bufnr, uri = open(c.file)
  local diag = await_finding(bufnr, uri, c.rule, c.pred)
  -- Neovim's own diagnostic store has it too (what the user sees)
  local shown = false
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == c.rule or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == c.rule) then
      shown = true
    end
  end
  check(shown, c.rule .. ' was published but is not in vim.diagnostic.get()')
  local before_count = #find(uri, c.rule)
  local before = buf_text(bufnr)

  local actions = code_actions(bufnr, uri, diag, { 'quickfix' })
  -- the range may hold several findings: keep the actions that fix this rule's diagnostic
  local candidates, titles = {}, {}
  for _, a in ipairs(actions) do
    table.insert(titles, a.title)
    for _, d in ipairs(a.diagnostics or {}) do
      if d.code == c.rule then
        table.insert(candidates, a)
        break
      end
    end
  end
  local chosen
  for _, a in ipairs(candidates) do
    if not chosen and ((c.title and a.title:find(c.title)) or (not c.title and a.isPreferred)) then
      chosen = a
    end
  end
  check(chosen, 'no quick fix for ' .. c.rule .. ' (actions: ' .. table.concat(titles, ' | ') .. ')')
  check(chosen.edit or chosen.command, 'the action "' .. chosen.title .. '" has neither edit nor command')
  log('  applying "' .. chosen.title .. '"')
  apply(bufnr, chosen)

  local after = buf_text(bufnr)
  check(after ~= before, 'the buffer did not change after applying "' .. chosen.title .. '"')
  if c.expect then
    check(after:find(c.expect) ~= nil, 'after the fix the buffer lacks ' .. c.expect .. ':\n' .. after)
  end
  if c.gone then
    check(after:find(c.gone) == nil, 'after the fix the buffer still has ' .. c.gone .. ':\n' .. after)
  end
  wait(c.rule .. ' to go away after the fix', function()
    local p = published[uri]
    return p ~= nil and p.version == current_version(bufnr) and #find(uri, c.rule) < before_count
  end)
  for _, keep in ipairs(c.still or {}) do
    check(#find(uri, keep) > 0, keep .. ' disappeared although the fix did not touch it')
  end
  log('  ok: text changed, ' .. c.rule .. ' ' .. before_count .. ' -> ' .. #find(uri, c.rule))
end

local function hover_case(file, rule)
  log('case: hover on ' .. file .. ' ' .. rule)
  local bufnr, uri = open(file)
  local diag = await_finding(bufnr, uri, rule)
  local resp = client().request_sync('textDocument/hover', {
    textDocument = { uri = uri },
    position = diag.range.start,
  }, TIMEOUT, bufnr)
  check(resp and resp.err == nil and resp.result, 'no hover at ' .. rule)
  local contents = resp.result.contents
  local text = type(contents) == 'table' and (contents.value or vim.inspect(contents)) or tostring(contents)
  check(text:find(rule, 1, true) ~= nil, 'the hover does not name ' .. rule .. ': ' .. text)
  log('  ok: hover explains ' .. rule .. ' (' .. #text .. ' chars, ' .. (contents.kind or '?') .. ')')
end

local function settings_case(file)
  log('case: settings on ' .. file)
  local bufnr, uri = open(file)
  -- settings: compose/obsolete-version raised to error (by default info)
  wait('compose/obsolete-version as an error (settings.archlens.rules)', function()
    local p = published[uri]
    if not p or p.version ~= current_version(bufnr) then
      return false
    end
    local d = find(uri, 'compose/obsolete-version')[1]
    return d ~= nil and d.severity == 1
  end)
  -- init_options: compose/service-without-healthcheck turned off
  check(#find(uri, 'compose/service-without-healthcheck') == 0, 'compose/service-without-healthcheck is reported although init_options turn it off')
  check(#find(uri, 'compose/dependency-without-healthcheck') > 0, 'the other compose rules are missing')
  -- the opt-in status notification arrived, and the settings change showed as busy then idle
  wait('archlens/status idle', function()
    return #statuses > 0 and statuses[#statuses].state == 'idle'
  end)
  local states = {}
  for _, st in ipairs(statuses) do
    table.insert(states, st.state)
  end
  log('  archlens/status: ' .. table.concat(states, ' -> '))
  log('  ok: workspace/configuration and initializationOptions both apply')
end

local function graph_case()
  log('case: workspace/executeCommand archlens.showGraph')
  local bufnr = vim.api.nvim_get_current_buf()
  local resp = client().request_sync('workspace/executeCommand', { command = 'archlens.showGraph', arguments = {} },
    TIMEOUT, bufnr)
  check(resp and resp.err == nil, 'archlens.showGraph failed: ' .. vim.inspect(resp))
  local text = resp.result
  check(type(text) == 'string' and text:find('^flowchart') ~= nil, 'archlens.showGraph did not answer Mermaid: '
    .. vim.inspect(text))
  check(text:find('api', 1, true) and text:find('db', 1, true), 'the graph lacks the compose services:\n' .. text)
  log('  ok: Mermaid graph with the compose services (' .. #vim.split(text, '\n') .. ' lines)')
end

local function fix_all_case(file)
  log('case: source.fixAll.archlens on ' .. file)
  local bufnr, uri = open(file)
  wait('diagnostics for ' .. file, function()
    local p = published[uri]
    return p ~= nil and p.version == current_version(bufnr)
  end)
  local before = buf_text(bufnr)
  local before_n = #published[uri].diagnostics
  local actions = code_actions(bufnr, uri, { range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } } },
    { 'source.fixAll.archlens' })
  check(#actions == 1, 'expected one fix-all action, got ' .. #actions)
  apply(bufnr, actions[1])
  check(buf_text(bufnr) ~= before, 'fix-all did not change the buffer')
  wait('fewer diagnostics after fix-all', function()
    local p = published[uri]
    return p.version == current_version(bufnr) and #p.diagnostics < before_n
  end)
  log('  ok: ' .. before_n .. ' -> ' .. #published[uri].diagnostics .. ' diagnostics')
end

-- ARCHLENS_E2E_ONLY=dockerfile|compose runs one file's cases (for debugging); the default runs all.
local only = os.getenv('ARCHLENS_E2E_ONLY')
local function wanted(kind)
  return only == nil or only == '' or only == kind
end

local ok, err = pcall(function()
  if wanted('dockerfile') then
  -- Dockerfile: MAINTAINER -> LABEL (a safe fix), and the :latest finding stays
  fix_case({
    file = 'Dockerfile',
    rule = 'docker/maintainer-deprecated',
    title = 'LABEL',
    expect = 'LABEL org%.opencontainers%.image%.authors',
    gone = '\nMAINTAINER',
    still = { 'docker/no-latest-tag' },
  })
  hover_case('Dockerfile', 'docker/no-latest-tag')
  end
  if wanted('compose') then
  settings_case('compose.yaml')
  -- Compose: remove the obsolete version key, then add a restart policy to api
  fix_case({ file = 'compose.yaml', rule = 'compose/obsolete-version', expect = '^services:', gone = 'version:' })
  fix_case({
    file = 'compose.yaml',
    rule = 'compose/no-restart-policy',
    pred = function(d) return d.message:find("'api'", 1, true) ~= nil end,
    expect = 'restart: unless%-stopped',
  })
  vim.cmd('silent write')
  graph_case()
  fix_all_case('compose.yaml')
  end
end)
if not ok then
  fail(tostring(err))
end

-- clean shutdown: the server must exit after shutdown/exit
local c = client()
if c then
  c.stop()
  wait('the server to exit', function() return c.is_stopped() end, 10000)
end
log('all cases passed')
vim.cmd('qall!')
