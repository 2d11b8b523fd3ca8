<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgendaPane</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Deadlines across all cases</source>
        <translation>全部案件的期限</translation>
    </message>
    <message>
        <source>Deadline summary</source>
        <translation>期限概况</translation>
    </message>
    <message>
        <source>Open a case from the list on the left, or press Ctrl+K to search everything.</source>
        <translation>从左侧列表打开一个案件，或按 Ctrl+K 全库搜索。</translation>
    </message>
    <message>
        <source>{overdue} overdue · {soon} due within 7 days · {total} open</source>
        <translation>已逾期 {overdue} 项 · 7 日内到期 {soon} 项 · 未完成 {total} 项</translation>
    </message>
</context>
<context>
    <name>BackupAge</name>
    <message>
        <source>Back up with File → Back up now…</source>
        <translation>备份：文件 → 立即备份…</translation>
    </message>
    <message>
        <source>Last backup: never</source>
        <translation>上次备份：从未备份</translation>
    </message>
    <message>
        <source>Last backup: today</source>
        <translation>上次备份：今天</translation>
    </message>
    <message>
        <source>Last backup: yesterday</source>
        <translation>上次备份：昨天</translation>
    </message>
    <message>
        <source>Last backup: {days} days ago</source>
        <translation>上次备份：{days} 天前</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the vault</source>
        <translation>备份保险库</translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of the whole vault. It opens only with this vault&apos;s passphrase or recovery key, and its folder name says nothing about your cases. Keep two drives in different places and back up to each in turn.</source>
        <translation>备份是整个保险库的加密副本，只能用本保险库的口令或恢复密钥打开，其文件夹名称不透露任何案件信息。请准备两个存储设备，分放两处，轮流备份。</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>备份写入位置</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Verify this backup</source>
        <translation>校验此备份(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Test this backup</source>
        <translation>演练此备份(&amp;T)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copying the vault and its new evidence files…</source>
        <translation>正在复制保险库及新增的证据文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Backup generation {generation} written to {folder} in {time}. Evidence files copied: {copied} ({size}); already on the drive: {present}.</source>
        <translation>第 {generation} 代备份已写入 {folder}，用时 {time}。复制证据文件 {copied} 个（{size}）；设备上已有 {present} 个。</translation>
    </message>
    <message>
        <source>It opens with this vault&apos;s passphrase and recovery key. Press Verify this backup to check every page and evidence file on the drive.</source>
        <translation>它可用本保险库的口令和恢复密钥打开。点“校验此备份”可检查设备上的每一页数据和每个证据文件。</translation>
    </message>
    <message>
        <source>Checking the backup… (nothing is written to the drive)</source>
        <translation>正在校验备份…（不会向设备写入任何内容）</translation>
    </message>
    <message>
        <source>Do not rely on this backup: back up again to another drive, and keep this one until a new backup verifies.</source>
        <translation>请勿依赖此备份：请再备份到另一个设备，并保留此设备，直到新备份校验通过。</translation>
    </message>
    <message>
        <source>Opening the backup and comparing it with the vault…</source>
        <translation>正在打开备份并与保险库比对…</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>Backup generation {generation} is sound: every database page, every custody chain ({cases} cases) and every evidence file ({files}) checked. Nothing was written to the drive.</source>
        <translation>第 {generation} 代备份完好：已检查每一页数据库、每条保管链（{cases} 个案件）和每个证据文件（{files} 个）。未向设备写入任何内容。</translation>
    </message>
    <message>
        <source>the database or its key header is damaged</source>
        <translation>数据库或其密钥头已损坏</translation>
    </message>
    <message>
        <source>{count} custody chains are broken</source>
        <translation>{count} 条保管链断裂</translation>
    </message>
    <message>
        <source>{count} evidence files are damaged or missing</source>
        <translation>{count} 个证据文件损坏或缺失</translation>
    </message>
    <message>
        <source>Backup generation {generation} has problems: {found}.</source>
        <translation>第 {generation} 代备份有问题：{found}。</translation>
    </message>
</context>
<context>
    <name>BundleOpenDialog</name>
    <message>
        <source>Open bundle {name}</source>
        <translation>打开加密包 {name}</translation>
    </message>
    <message>
        <source>I have confirmed with the sender that this bundle is theirs</source>
        <translation>我已与发送人当面或电话确认：此加密包确为其所发</translation>
    </message>
    <message>
        <source>Apply these changes</source>
        <translation>应用这些变更</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>正在校验加密包…</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包口令</translation>
    </message>
    <message>
        <source>This bundle was sealed with a passphrase. Type it:</source>
        <translation>此加密包以口令封装，请输入口令：</translation>
    </message>
    <message>
        <source>A new case from this bundle</source>
        <translation>来自此加密包的新案件</translation>
    </message>
    <message>
        <source>Changes to a case you have</source>
        <translation>对您已有案件的变更</translation>
    </message>
    <message>
        <source>They now call themselves {name}; your address book had {old}. Same key: applying the bundle takes the new name.</source>
        <translation>对方现在的名字是 {name}；您的通讯录中记为 {old}。密钥相同：导入此加密包时将采用新名字。</translation>
    </message>
    <message>
        <source>From {name}, a colleague you verified.
Fingerprint: {fp}</source>
        <translation>发送人：{name}（已核验的同事）。
密钥指纹：{fp}</translation>
    </message>
    <message>
        <source>WARNING: this bundle says it is from {name}, but you have not verified that colleague. Anyone can put any name on a bundle. Before applying, compare this fingerprint with them by phone or in person:
{fp}</source>
        <translation>警告：此加密包自称来自 {name}，但您尚未核验该同事的密钥。任何人都可以在加密包上署任何名字。应用之前，请通过电话或当面与对方核对以下指纹：
{fp}</translation>
    </message>
    <message>
        <source>Bundle #{seq}, sealed {when}; {files} file(s), {log} custody entries.</source>
        <translation>第 {seq} 号加密包，封装于 {when}；含 {files} 个文件、{log} 条保管链记录。</translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation>目前尚未作任何更改。</translation>
    </message>
    <message>
        <source>Sealed by an older version of Lawnotebook, which did not sign who the file was encrypted for; the sender&apos;s signed list of recipients was checked.</source>
        <translation>由旧版 Lawnotebook 封装：旧版未对文件加密给谁进行签名；已核对发送人签名的接收人名单。</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>The bundle was applied</source>
        <translation>加密包已应用</translation>
    </message>
    <message>
        <source>{added} added, {changed} changed, {deleted} deleted; {files} file(s) received.</source>
        <translation>新增 {added} 项，修改 {changed} 项，删除 {deleted} 项；收到 {files} 个文件。</translation>
    </message>
    <message>
        <source>{n} note(s) were edited on both sides: both texts are kept until you choose.</source>
        <translation>有 {n} 篇笔记双方都作了修改：两个版本均予保留，由您决定取舍。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This bundle was not opened</source>
        <translation>此加密包未被打开</translation>
    </message>
    <message>
        <source>The bundle file changed after it was checked, so it was not applied. Nothing was changed; open the bundle again to see what it holds now.</source>
        <translation>加密包文件在检查之后发生了变化，因此未被应用。未作任何更改；请重新打开该加密包，查看其现在的内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <source>Archived too</source>
        <translation>含已归档</translation>
    </message>
    <message>
        <source>Number of cases shown</source>
        <translation>显示的案件数</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 个案件</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n} 个案件</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} 个，共 {total} 个案件</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Case file</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>People</source>
        <translation>涉案人员</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>Interrogations</source>
        <translation>讯问记录</translation>
    </message>
    <message>
        <source>Custody and places</source>
        <translation>羁押与地点</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>保管链日志</translation>
    </message>
</context>
<context>
    <name>CheckSettingsBox</name>
    <message>
        <source>Legality checks</source>
        <translation>合法性检查</translation>
    </message>
    <message>
        <source>Questioning hours in 24 hours that make a finding</source>
        <translation>二十四小时内讯问超过多少小时即提示</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Shortest rest that counts as real rest</source>
        <translation>至少休息多少小时才算充分休息</translation>
    </message>
    <message>
        <source>Charges where life imprisonment or death is possible</source>
        <translation>可能判处无期徒刑、死刑的罪名</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <source>The law sets no number of hours: the defaults are 12 and 6 (the user guide says why). A charge is serious when a word of the list occurs in it; whether life imprisonment or death is possible in your case is your call (one per line). Kept inside the vault; every finding, report and motion uses them.</source>
        <translation>法律没有规定小时数：默认为12小时和6小时（理由见用户指南）。罪名中出现列表中任一词语即视为重罪；本案是否可能判处无期徒刑或死刑由您判断（每行一个罪名）。设置保存在保险库内，所有检查结果、报告和申请书都使用这些设置。</translation>
    </message>
    <message>
        <source>Too many hours of questioning: more than</source>
        <translation>讯问时间过长：超过</translation>
    </message>
    <message>
        <source>Real rest: at least</source>
        <translation>充分休息：至少</translation>
    </message>
    <message>
        <source>Serious charges</source>
        <translation>重罪罪名</translation>
    </message>
    <message numerus="yes">
        <source>The list of serious charges can hold at most %n entries.</source>
        <translation>
            <numerusform>重罪罪名列表最多 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” is too long for a charge: at most %n characters.</source>
        <translation>
            <numerusform>“%1”作为罪名太长：最多 %n 个字。</numerusform>
        </translation>
    </message>
    <message>
        <source>A serious charge cannot contain invisible control characters.</source>
        <translation>重罪罪名中不能含有不可见的控制字符。</translation>
    </message>
</context>
<context>
    <name>ChronologyTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>事件日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新事件</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Say what happened.</source>
        <translation>请写明发生了什么。</translation>
    </message>
</context>
<context>
    <name>ColleaguesWindow</name>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>My key: {name}</source>
        <translation>我的密钥：{name}</translation>
    </message>
    <message>
        <source>Colleagues compare this fingerprint with you — aloud, in person or by phone — before they trust bundles from you. Your key card is public: send it freely.</source>
        <translation>同事在信任您发出的加密包之前，会与您核对这个指纹——当面或通过电话逐组念出。密钥卡是公开的，可以放心发送。</translation>
    </message>
    <message>
        <source>Save my key card…</source>
        <translation>保存我的密钥卡…</translation>
    </message>
    <message>
        <source>Copy my key card</source>
        <translation>复制我的密钥卡</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ 已核验</translation>
    </message>
    <message>
        <source>✘ Not verified</source>
        <translation>✘ 未核验</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Import key card…</source>
        <translation>导入密钥卡…</translation>
    </message>
    <message>
        <source>Paste key card…</source>
        <translation>粘贴密钥卡…</translation>
    </message>
    <message>
        <source>Compare fingerprint…</source>
        <translation>核对指纹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>You can also drop a key card file here.</source>
        <translation>也可以把密钥卡文件拖放到这里。</translation>
    </message>
    <message>
        <source>Save my key card</source>
        <translation>保存我的密钥卡</translation>
    </message>
    <message>
        <source>Import a colleague&apos;s key card</source>
        <translation>导入同事的密钥卡</translation>
    </message>
    <message>
        <source>{old} now calls themselves {name}: a new card with the same key (fingerprint unchanged), so the colleague is renamed.</source>
        <translation>{old} 现在的名字是 {name}：这是同一密钥的新密钥卡（指纹未变），因此已更新该同事的名字。</translation>
    </message>
    <message>
        <source>Remove colleague</source>
        <translation>移除同事</translation>
    </message>
    <message>
        <source>Remove {name} from your colleagues?</source>
        <translation>要把 {name} 从同事列表中移除吗？</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare fingerprints with {name}</source>
        <translation>与 {name} 核对指纹</translation>
    </message>
    <message>
        <source>Call {name} or meet in person (not by e-mail or chat, which an attacker could alter). Ask them to open Colleagues in their Lawnotebook and read their own fingerprint aloud. Compare it with the one below, group by group.</source>
        <translation>请给 {name} 打电话或当面核对（不要通过电子邮件或聊天软件，这些渠道可能被攻击者篡改）。请对方在其 Lawnotebook 中打开“同事”，念出自己的指纹，您逐组与下方指纹比对。</translation>
    </message>
    <message>
        <source>Every group &amp;matches — mark verified</source>
        <translation>每一组都一致——标记为已核验(&amp;M)</translation>
    </message>
    <message>
        <source>They differ</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <source>Fingerprints differ</source>
        <translation>指纹不一致</translation>
    </message>
    <message>
        <source>Do not trust this key card: it is not your colleague&apos;s key. Remove it and ask your colleague for their card again, through another channel.</source>
        <translation>请勿信任此密钥卡：它不是您同事的密钥。请将其移除，并通过其他渠道重新向同事索取密钥卡。</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Notes edited on both sides — {title}</source>
        <translation>双方均修改过的笔记——{title}</translation>
    </message>
    <message>
        <source>Notes with two versions</source>
        <translation>有两个版本的笔记</translation>
    </message>
    <message>
        <source>These notes were changed by you and a colleague at the same time. Both versions are kept. Read them, then keep one or write the merged text below.</source>
        <translation>这些笔记由您和同事同时修改过，两个版本均已保留。请阅读后保留其中一个，或在下方写出合并后的文本。</translation>
    </message>
    <message>
        <source>Text to keep (you can edit it)</source>
        <translation>要保留的文本（可编辑）</translation>
    </message>
    <message>
        <source>Use the left text</source>
        <translation>采用左侧文本</translation>
    </message>
    <message>
        <source>Use the right text</source>
        <translation>采用右侧文本</translation>
    </message>
    <message>
        <source>Save and resolve</source>
        <translation>保存并解决</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(untitled note)</source>
        <translation>（无标题笔记）</translation>
    </message>
    <message>
        <source>No notes left to resolve.</source>
        <translation>已没有待处理的笔记。</translation>
    </message>
    <message>
        <source>Now in the note — by {who}</source>
        <translation>笔记当前内容——{who}</translation>
    </message>
    <message>
        <source>Parallel version — by {who}</source>
        <translation>并行版本——{who}</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <source>Create your vault</source>
        <translation>创建您的保险库</translation>
    </message>
    <message>
        <source>Everything you keep in Lawnotebook is stored encrypted in one vault on this computer. Choose a passphrase: a sentence only you know. Without it, or the recovery key you will see next, nobody can open the vault, not even you.</source>
        <translation>您在 Lawnotebook 中保存的一切，都加密存放在本机的一个保险库里。请设置一个口令：一句只有您知道的话。没有这个口令，也没有接下来显示的恢复密钥，任何人都打不开这个保险库——包括您自己。</translation>
    </message>
    <message>
        <source>Vault location: {path}</source>
        <translation>保险库位置：{path}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>口令强度</translation>
    </message>
    <message>
        <source>About you (optional)</source>
        <translation>您的信息（选填）</translation>
    </message>
    <message>
        <source>Remember on this device (unlock without typing)</source>
        <translation>在本机记住（无需输入口令即可解锁）</translation>
    </message>
    <message>
        <source>Only if this computer&apos;s own login is well protected: anyone who can use your computer account could then open the vault.</source>
        <translation>仅在本机登录本身有可靠保护时使用：任何能使用您电脑账户的人都将能打开保险库。</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <source>New computer? Restore from a backup…</source>
        <translation>换了新电脑？从备份恢复…</translation>
    </message>
    <message>
        <source>At least {n} characters; longer is better.</source>
        <translation>至少 {n} 个字符，越长越好。</translation>
    </message>
    <message>
        <source>Choose a longer passphrase: at least {n} characters.</source>
        <translation>请设置更长的口令：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation>两次输入的口令不一致，请输入同一个口令两次。</translation>
    </message>
    <message>
        <source>Creating the vault and protecting it with your passphrase…</source>
        <translation>正在创建保险库并用您的口令加密保护…</translation>
    </message>
</context>
<context>
    <name>CustodyEventsTab</name>
    <message>
        <source>New custody event&apos;s kind</source>
        <translation>新羁押事件的类型</translation>
    </message>
    <message>
        <source>Custody event&apos;s time</source>
        <translation>羁押事件的时间</translation>
    </message>
    <message>
        <source>New custody event&apos;s place</source>
        <translation>新羁押事件的地点</translation>
    </message>
    <message>
        <source>Add custody event</source>
        <translation>添加羁押事件</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Until (release, end)</source>
        <translation>至（释放、结束）</translation>
    </message>
    <message>
        <source>Kind of custody event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Custody events of this case</source>
        <translation>本案的羁押事件</translation>
    </message>
    <message>
        <source>Place not known</source>
        <translation>地点不详</translation>
    </message>
</context>
<context>
    <name>CustodyTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>记录哈希值</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>保管链日志</translation>
    </message>
    <message>
        <source>Every change to this case is recorded here and chained by hash, so later tampering shows. The log cannot be edited.</source>
        <translation>本案的每一项变动都记录在此，并以哈希值逐条链接，事后任何篡改都会显露。此日志不可编辑。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2016-07-15 14:30, 2016-07, before 2016-06</source>
        <translation>如 2016-07-15 14:30、2016年7月之前</translation>
    </message>
    <message>
        <source>Exact or uncertain: 2016-07-15, 2016-07-15 14:30, 2016-07, 2016, before 2016-06-15, after 2016, about 1997-07, between 2016-07 and 2016-09, 2016年7月, 2016年7月之前</source>
        <translation>确切或不确切的日期均可：2016-07-15、2016-07-15 14:30、2016-07、2016、2016年7月、2016年7月之前，也可写 before 2016-06-15、after 2016、about 1997-07、between 2016-07 and 2016-09</translation>
    </message>
    <message>
        <source>A date is needed here.</source>
        <translation>此处需要填写日期。</translation>
    </message>
</context>
<context>
    <name>DeadlineColumns</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Deadlines of this case</source>
        <translation>本案期限</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>What is due (e.g. file the exclusion motion)</source>
        <translation>到期事项（如：提交非法证据排除申请）</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新期限</translation>
    </message>
    <message>
        <source>Kind of deadline</source>
        <translation>期限类型</translation>
    </message>
    <message>
        <source>Add deadline</source>
        <translation>添加期限</translation>
    </message>
    <message>
        <source>Say what is due.</source>
        <translation>请写明到期事项。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo — nothing here is real; everything is deleted when you close this window</source>
        <translation>演示——此处内容均为虚构；关闭本窗口后将全部删除</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>If you lock it, the passphrase is: {passphrase}</source>
        <translation>如果锁定，解锁口令为：{passphrase}</translation>
    </message>
    <message>
        <source>The demo vault is never remembered on this computer.</source>
        <translation>演示保险库不会保存在本机上。</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Search all cases: names, notes, 逼供… (Ctrl+K)</source>
        <translation>搜索全部案件：姓名、笔记、逼供…（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>全库搜索</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Open the case you want to share first.</source>
        <translation>请先打开要共享的案件。</translation>
    </message>
    <message>
        <source>Open a bundle</source>
        <translation>打开加密包</translation>
    </message>
    <message>
        <source>Lawnotebook bundles (*.lnb);;All files (*)</source>
        <translation>Lawnotebook 加密包 (*.lnb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>请先打开一个案件。</translation>
    </message>
    <message>
        <source>Open the case to report on first.</source>
        <translation>请先打开要出具报告的案件。</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <source>Where to write it?</source>
        <translation>写入到哪里？</translation>
    </message>
    <message>
        <source>The file&apos;s name says nothing about the case. Anyone who finds the USB stick sees only an encrypted file.</source>
        <translation>文件名不透露任何案件信息。捡到 U 盘的人只能看到一个加密文件。</translation>
    </message>
    <message>
        <source>File name: {name}</source>
        <translation>文件名：{name}</translation>
    </message>
    <message>
        <source>Where to write the bundle</source>
        <translation>加密包写入位置</translation>
    </message>
</context>
<context>
    <name>DetentionTab</name>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Custody events</source>
        <translation>羁押事件</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>The same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Newer in the vault</source>
        <translation>保险库中较新</translation>
    </message>
    <message>
        <source>Newer in the backup</source>
        <translation>备份中较新</translation>
    </message>
    <message>
        <source>Only in the vault</source>
        <translation>仅在保险库中</translation>
    </message>
    <message>
        <source>Only in the backup</source>
        <translation>仅在备份中</translation>
    </message>
    <message>
        <source>Each has changes the other lacks</source>
        <translation>双方各有对方没有的改动</translation>
    </message>
    <message>
        <source>Test this backup</source>
        <translation>演练此备份</translation>
    </message>
    <message>
        <source>Backup generation {generation}, made {made}, compared with this vault.</source>
        <translation>第 {generation} 代备份（制作于 {made}）与本保险库的比对。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Which is newer</source>
        <translation>哪边较新</translation>
    </message>
    <message>
        <source>Records (vault / backup)</source>
        <translation>记录（保险库 / 备份）</translation>
    </message>
    <message>
        <source>Custody entries (vault / backup)</source>
        <translation>保管记录（保险库 / 备份）</translation>
    </message>
    <message>
        <source>Neither the vault nor the backup holds a case yet.</source>
        <translation>保险库和备份中都还没有案件。</translation>
    </message>
    <message>
        <source>The backup holds everything this vault holds.</source>
        <translation>备份包含本保险库中的全部内容。</translation>
    </message>
    <message>
        <source>The vault and the backup differ. Cases newer in the vault have work done since this backup: back up again.</source>
        <translation>保险库与备份不一致。“保险库中较新”的案件在此备份之后有新工作：请再备份一次。</translation>
    </message>
</context>
<context>
    <name>DrivePicker</name>
    <message>
        <source>Destination</source>
        <translation>目标位置</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>重新查找(&amp;L)</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press Look again, or choose another folder.</source>
        <translation>没有找到U盘。请插入U盘后点“重新查找”，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>{label} — removable drive, {free} free</source>
        <translation>{label}——移动存储，剩余 {free}</translation>
    </message>
</context>
<context>
    <name>ErrorLine</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>EvidenceLinks</name>
    <message>
        <source>Link “{name}”</source>
        <translation>关联“{name}”</translation>
    </message>
    <message>
        <source>People this file concerns:</source>
        <translation>此证据涉及的人员：</translation>
    </message>
    <message>
        <source>Events in the chronology this file supports:</source>
        <translation>此文件所证明的大事记事件：</translation>
    </message>
    <message>
        <source>Interrogation sessions this file concerns:</source>
        <translation>此文件涉及的讯问：</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>or drop files here. Files are stored encrypted in the vault.</source>
        <translation>或将文件拖放到这里。文件将加密存入保险库。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Open in the viewer (recorded in the custody log)</source>
        <translation>在查看器中打开（记入保管链日志）</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>复制 SHA-256</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>关联…</translation>
    </message>
    <message>
        <source>Link to events and interrogation sessions</source>
        <translation>关联到事件和讯问</translation>
    </message>
    <message>
        <source>Reading evidence</source>
        <translation>正在读取证据文字</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Read the text of every file of this case again (for search)</source>
        <translation>重新读取本案全部证据文件的文字（用于搜索）</translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation>暂停读取</translation>
    </message>
    <message>
        <source>Stop reading evidence for now (until you resume, or the next unlock)</source>
        <translation>暂时停止读取证据（直到您点击继续读取，或下次解锁）</translation>
    </message>
    <message>
        <source>Keep a second record, from another source…</source>
        <translation>另立一条记录（来源不同）…</translation>
    </message>
    <message>
        <source>For a file already in the case that you received again from elsewhere</source>
        <translation>用于案件中已有、但又从别处收到的文件</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>interrogation {start}</source>
        <translation>讯问 {start}</translation>
    </message>
    <message>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <source>Wait until the files being added are in, or cancel.</source>
        <translation>请等待正在添加的文件入库完成，或取消。</translation>
    </message>
    <message>
        <source>same file as “{first}”</source>
        <translation>与“{first}”为同一文件</translation>
    </message>
    <message>
        <source>same file as “{first}”, received from another source</source>
        <translation>与“{first}”为同一文件，来自另一来源</translation>
    </message>
    <message>
        <source>A second record of the same file (the same SHA-256) as “{first}”, added {when} (source: {first_source}). This record is for the copy received from: {source}.</source>
        <translation>与“{first}”（{when}添加，来源：{first_source}）为同一文件（SHA-256 相同）的第二条记录。本记录对应的副本来源：{source}。</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation>继续读取</translation>
    </message>
</context>
<context>
    <name>EvidenceText</name>
    <message>
        <source>it is protected by a password</source>
        <translation>文件受密码保护</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>reading took too long</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <source>the reader stopped unexpectedly</source>
        <translation>读取程序意外中止</translation>
    </message>
    <message>
        <source>the file is damaged or not what its name says</source>
        <translation>文件已损坏，或与其文件名所示类型不符</translation>
    </message>
    <message>
        <source>there is no text in it</source>
        <translation>文件中没有文字</translation>
    </message>
    <message>
        <source>text recognition (OCR) is not installed</source>
        <translation>未安装文字识别（OCR）组件</translation>
    </message>
    <message>
        <source>it has too many pages; the rest was not read</source>
        <translation>页数过多，其余页面未读取</translation>
    </message>
    <message>
        <source>reading it took too long; the rest was not read</source>
        <translation>读取用时过长，其余部分未读取</translation>
    </message>
    <message>
        <source>e-mails are nested in it too deeply; the innermost were not read</source>
        <translation>邮件嵌套层数过多，最内层的邮件未读取</translation>
    </message>
    <message>
        <source>some of its attachments could not be read</source>
        <translation>部分附件无法读取</translation>
    </message>
    <message>
        <source>an unknown problem</source>
        <translation>未知问题</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>等待读取</translation>
    </message>
    <message>
        <source>{read}, in part: {reason}</source>
        <translation>{read}，部分读取：{reason}</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>无文字</translation>
    </message>
    <message>
        <source>could not read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>read 1 page</source>
        <translation>已读取 1 页</translation>
    </message>
    <message>
        <source>read {n} pages</source>
        <translation>已读取 {n} 页</translation>
    </message>
    <message>
        <source>Reading paused: {done} of {total} read.</source>
        <translation>读取已暂停：已读取 {done} 个，共 {total} 个。</translation>
    </message>
    <message>
        <source>Reading paused.</source>
        <translation>读取已暂停。</translation>
    </message>
    <message>
        <source>Text read from every file; {n} could not be read.</source>
        <translation>已读取全部文件的文字；其中 {n} 个无法读取。</translation>
    </message>
    <message>
        <source>Reading evidence: {done} of {total}…</source>
        <translation>正在读取证据文字：已完成 {done} 个，共 {total} 个…</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>Choose an item to view it here.</source>
        <translation>选择一项证据即可在此查看。</translation>
    </message>
    <message>
        <source>Export decrypted copy…</source>
        <translation>导出解密副本…</translation>
    </message>
    <message>
        <source>Show text</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <source>Show the text read from this page (copyable)</source>
        <translation>显示从本页读取的文字（可复制）</translation>
    </message>
    <message>
        <source>Text of this page</source>
        <translation>本页文字</translation>
    </message>
    <message>
        <source>Lawnotebook has no viewer for this type of file.</source>
        <translation>Lawnotebook 无法在应用内查看此类文件。</translation>
    </message>
    <message>
        <source>This file is too large to show inside Lawnotebook.</source>
        <translation>此文件过大，无法在 Lawnotebook 内显示。</translation>
    </message>
    <message>
        <source>Opening “{name}”…</source>
        <translation>正在打开“{name}”…</translation>
    </message>
    <message>
        <source>This installation has no PDF viewer.</source>
        <translation>当前安装的版本不含 PDF 查看器。</translation>
    </message>
    <message>
        <source>Its text is being read again.</source>
        <translation>正在重新读取此文件的文字。</translation>
    </message>
    <message>
        <source>The text read from this file (export a copy to see it as it looks)</source>
        <translation>从此文件读取的文字（如需查看原样式，请导出副本）</translation>
    </message>
    <message>
        <source>No text has been read from this page yet.</source>
        <translation>尚未从本页读取到文字。</translation>
    </message>
    <message>
        <source>Export a decrypted copy?</source>
        <translation>导出解密副本？</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted: anyone who can open the place where you save it can read it. Lawnotebook records this export in the custody log. Delete the copy when you no longer need it.</source>
        <translation>该副本不加密：任何能打开保存位置的人都能读取它。Lawnotebook 会将此次导出记入保管链日志。不再需要时请删除副本。</translation>
    </message>
    <message>
        <source>Export decrypted copy</source>
        <translation>导出解密副本</translation>
    </message>
    <message>
        <source>Exporting “{name}”…</source>
        <translation>正在导出“{name}”…</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>A decrypted copy was written to {path}.</source>
        <translation>解密副本已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Which findings to show</source>
        <translation>显示哪些检查结果</translation>
    </message>
    <message>
        <source>To review and reviewed</source>
        <translation>待审阅和已审阅</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>不采用</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>全部检查结果</translation>
    </message>
    <message>
        <source>Legality findings, by severity</source>
        <translation>合法性检查结果（按严重程度）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>确定程度</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>The finding, its rule and its articles</source>
        <translation>检查结果、所依据的规则和条文</translation>
    </message>
    <message>
        <source>Reason (needed to dismiss)</source>
        <translation>理由（不采用时必填）</translation>
    </message>
    <message>
        <source>Reason for the review mark</source>
        <translation>审阅标记的理由</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已审阅</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>不采用</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新审阅</translation>
    </message>
    <message>
        <source>Withdraw the mark: the finding asks for review</source>
        <translation>撤销标记：该结果重新列为待审阅</translation>
    </message>
    <message>
        <source>{n} findings, {open} to review (rule set {version})</source>
        <translation>共 {n} 条检查结果，{open} 条待审阅（规则集 {version}）</translation>
    </message>
    <message>
        <source>High: a ground for excluding the statement</source>
        <translation>高：可作为排除供述的理由</translation>
    </message>
    <message>
        <source>Medium: a defect to list in the motion</source>
        <translation>中：申请书中应列明的瑕疵</translation>
    </message>
    <message>
        <source>Low: context</source>
        <translation>低：背景情况</translation>
    </message>
    <message>
        <source>Violated</source>
        <translation>违反</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Not checkable</source>
        <translation>无法检查</translation>
    </message>
    <message>
        <source>Changed since marked</source>
        <translation>标记后已有变化</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审阅</translation>
    </message>
    <message>
        <source>Select a finding to read its rule.</source>
        <translation>选择一条检查结果，查看其规则和条文。</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Say why the finding is dismissed.</source>
        <translation>请说明不采用该检查结果的理由。</translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <source>{file} (attachment {part})</source>
        <translation>{file}（附件 {part}）</translation>
    </message>
    <message>
        <source>{file} — in its text</source>
        <translation>{file} — 文件正文</translation>
    </message>
    <message>
        <source>{file} — page {n}</source>
        <translation>{file} — 第 {n} 页</translation>
    </message>
    <message>
        <source>Found in the text of this file. Enter opens it at this page.</source>
        <translation>在该文件的文字中找到。按 Enter 键在此页打开。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source> (shown reduced to save memory)</source>
        <translation>（为节省内存已缩小显示）</translation>
    </message>
    <message>
        <source>Camera make</source>
        <translation>相机品牌</translation>
    </message>
    <message>
        <source>Camera model</source>
        <translation>相机型号</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>数字化时间</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>GPS 位置</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>This image could not be decoded. Its bytes are intact in the vault.</source>
        <translation>无法解码此图像。其数据在保险库中完好无损。</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Adding files</source>
        <translation>正在添加文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Adding “{name}” ({n} of {count})</source>
        <translation>正在添加“{name}”（第 {n} 个，共 {count} 个）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled. {n} file(s) were added before that; the file being added was not stored, and {rest} more were not started.</source>
        <translation>已取消。此前已添加 {n} 个文件；正在添加的文件未予保存，另有 {rest} 个尚未开始。</translation>
    </message>
    <message>
        <source>{n} of {count} file(s) were not added:</source>
        <translation>{count} 个文件中有 {n} 个未添加：</translation>
    </message>
    <message>
        <source>• {name}: {reason}</source>
        <translation>• {name}：{reason}</translation>
    </message>
    <message>
        <source>already in the case as “{match}” (added {when}); a second record of it needs a source that no record of it gives yet.</source>
        <translation>案件中已有此文件，即“{match}”（{when}添加）；另立记录须填写一个该文件现有记录都没有的来源。</translation>
    </message>
    <message>
        <source>already in the case: the same file as “{match}”, added {when}. It was not added again.</source>
        <translation>案件中已有此文件：与{when}添加的“{match}”为同一文件，未重复添加。</translation>
    </message>
    <message>
        <source>a folder with no files in it.</source>
        <translation>是空文件夹，里面没有文件。</translation>
    </message>
    <message>
        <source>not found: it was moved, renamed or deleted.</source>
        <translation>找不到该文件：它已被移动、改名或删除。</translation>
    </message>
    <message>
        <source>a folder, not a file.</source>
        <translation>是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>not a file (a device or a link to nothing).</source>
        <translation>不是普通文件（是设备，或指向不存在之处的链接）。</translation>
    </message>
    <message>
        <source>not yours to read: the computer refused to open it.</source>
        <translation>无权读取：计算机拒绝打开该文件。</translation>
    </message>
</context>
<context>
    <name>InterrogationsTab</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>The name of one of the case&apos;s Places links the session to it</source>
        <translation>填写本案某一地点的名称，即将本次讯问与该地点关联</translation>
    </message>
    <message>
        <source>Client&apos;s account of the selected session</source>
        <translation>所选讯问的当事人陈述</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Interrogators</source>
        <translation>讯问人员</translation>
    </message>
    <message>
        <source>On video</source>
        <translation>同步录像</translation>
    </message>
    <message>
        <source>Rights read</source>
        <translation>告知权利</translation>
    </message>
    <message>
        <source>Linked evidence</source>
        <translation>关联证据</translation>
    </message>
    <message>
        <source>Client&apos;s account</source>
        <translation>当事人陈述</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>同步录音录像</translation>
    </message>
    <message>
        <source>Recording file</source>
        <translation>录音录像文件</translation>
    </message>
    <message>
        <source>Start the recording&apos;s clock shows</source>
        <translation>录像显示的开始时间</translation>
    </message>
    <message>
        <source>End the recording&apos;s clock shows</source>
        <translation>录像显示的结束时间</translation>
    </message>
    <message>
        <source>Transcript file</source>
        <translation>讯问笔录文件</translation>
    </message>
    <message>
        <source>Transcript pages</source>
        <translation>笔录页码</translation>
    </message>
    <message>
        <source>Start written on the transcript</source>
        <translation>笔录记载的开始时间</translation>
    </message>
    <message>
        <source>End written on the transcript</source>
        <translation>笔录记载的结束时间</translation>
    </message>
    <message>
        <source>Transcript signed by the client</source>
        <translation>当事人是否在笔录上签名</translation>
    </message>
    <message>
        <source>Corrections to the transcript</source>
        <translation>笔录的补充或改正</translation>
    </message>
    <message>
        <source>Rest breaks (start..end; …)</source>
        <translation>休息（开始..结束；…）</translation>
    </message>
    <message>
        <source>Meals (times; …)</source>
        <translation>饮食（时间；…）</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>是否需要翻译人员</translation>
    </message>
    <message>
        <source>Interpreter present</source>
        <translation>翻译人员是否在场</translation>
    </message>
    <message>
        <source>Guardian needed</source>
        <translation>是否需要法定代理人或合适成年人</translation>
    </message>
    <message>
        <source>Guardian present</source>
        <translation>法定代理人或合适成年人是否在场</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>供述情况</translation>
    </message>
    <message>
        <source>Injuries seen</source>
        <translation>所见伤情</translation>
    </message>
    <message>
        <source>Detention-house health check</source>
        <translation>看守所入所健康检查</translation>
    </message>
    <message>
        <source>Interrogation sessions</source>
        <translation>讯问记录</translation>
    </message>
    <message>
        <source>No findings for this session</source>
        <translation>本次讯问没有检查结果</translation>
    </message>
    <message>
        <source>Session of {when}</source>
        <translation>{when} 的讯问</translation>
    </message>
    <message>
        <source>No account recorded for this session yet.</source>
        <translation>该次讯问尚未记录当事人陈述。</translation>
    </message>
    <message>
        <source>Session start</source>
        <translation>讯问开始时间</translation>
    </message>
    <message>
        <source>Session end</source>
        <translation>讯问结束时间</translation>
    </message>
    <message>
        <source>End (optional)</source>
        <translation>结束（可不填）</translation>
    </message>
    <message>
        <source>Place (e.g. interrogation room, detention centre)</source>
        <translation>地点（如：讯问室、看守所）</translation>
    </message>
    <message>
        <source>Session place</source>
        <translation>讯问地点</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>添加讯问</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Interrogator</source>
        <translation>讯问人员</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>检察官</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>法官</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>鉴定人/专家</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <source>Detention limit</source>
        <translation>羁押期限</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Interrogation</source>
        <translation>讯问</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Custody event</source>
        <translation>羁押事件</translation>
    </message>
    <message>
        <source>Review of a legality finding</source>
        <translation>合法性检查结果的审阅</translation>
    </message>
    <message>
        <source>Detention house</source>
        <translation>看守所</translation>
    </message>
    <message>
        <source>Police station or case-handling area</source>
        <translation>公安机关办案场所</translation>
    </message>
    <message>
        <source>Designated residence</source>
        <translation>指定居所</translation>
    </message>
    <message>
        <source>Supervision detention site</source>
        <translation>留置场所</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Summons</source>
        <translation>传唤</translation>
    </message>
    <message>
        <source>Compelled appearance</source>
        <translation>拘传</translation>
    </message>
    <message>
        <source>Criminal detention</source>
        <translation>刑事拘留</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>逮捕</translation>
    </message>
    <message>
        <source>Committal to the detention house</source>
        <translation>送看守所羁押</translation>
    </message>
    <message>
        <source>Residential surveillance at a designated place</source>
        <translation>指定居所监视居住</translation>
    </message>
    <message>
        <source>Supervision detention</source>
        <translation>留置</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Family notified</source>
        <translation>通知家属</translation>
    </message>
    <message>
        <source>Lawyer asked to meet</source>
        <translation>律师申请会见</translation>
    </message>
    <message>
        <source>Lawyer&apos;s meeting</source>
        <translation>律师会见</translation>
    </message>
    <message>
        <source>Whole session recorded</source>
        <translation>全程录音录像</translation>
    </message>
    <message>
        <source>Partly recorded</source>
        <translation>部分录音录像</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未录音录像</translation>
    </message>
    <message>
        <source>Confessed</source>
        <translation>供认</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>否认</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>翻供</translation>
    </message>
    <message>
        <source>Admitted in part</source>
        <translation>部分供认</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Evidence added</source>
        <translation>证据入库</translation>
    </message>
    <message>
        <source>Evidence viewed</source>
        <translation>查看证据</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核验</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>全库搜索</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>关闭案件</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Share case…</source>
        <translation>共享案件…</translation>
    </message>
    <message>
        <source>Open bundle…</source>
        <translation>打开加密包…</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Resolve conflicting notes…</source>
        <translation>处理冲突笔记…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sharing</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>The restored copy in {folder} did not pass the check, so it was not opened. Restore from your other backup drive.</source>
        <translation>{folder} 中恢复出的副本未通过校验，因此没有打开。请用另一个备份设备恢复。</translation>
    </message>
    <message>
        <source>This vault is not remembered on this computer. Type your passphrase.</source>
        <translation>本机未记住此保险库，请输入口令。</translation>
    </message>
    <message>
        <source>Open a case first, then drop files on it to add them as evidence.</source>
        <translation>请先打开一个案件，再把文件拖放进来作为证据添加。</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Playback stopped: this file was altered or damaged in the vault.</source>
        <translation>播放已停止：此文件在保险库中被改动或损坏。</translation>
    </message>
    <message>
        <source>This recording cannot be played here. Its bytes are intact in the vault.</source>
        <translation>无法在此播放该录音录像。其数据在保险库中完好无损。</translation>
    </message>
</context>
<context>
    <name>MergePlan</name>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>charges</source>
        <translation>罪名</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>contact notes</source>
        <translation>联系方式及备注</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>people</source>
        <translation>涉案人员</translation>
    </message>
    <message>
        <source>linked evidence</source>
        <translation>关联证据</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>interrogators</source>
        <translation>讯问人员</translation>
    </message>
    <message>
        <source>on video</source>
        <translation>同步录音录像</translation>
    </message>
    <message>
        <source>rights read</source>
        <translation>告知权利</translation>
    </message>
    <message>
        <source>client&apos;s account</source>
        <translation>当事人陈述</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>parallel versions kept</source>
        <translation>保留的并行版本</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{n} version(s)</source>
        <translation>{n} 个版本</translation>
    </message>
    <message>
        <source>the text kept in the note: {text}</source>
        <translation>笔记中保留的文本：{text}</translation>
    </message>
    <message>
        <source>the other text, kept beside it until you choose: {text}</source>
        <translation>另一版本的文本（在您取舍之前并列保留）：{text}</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>将要发生的变更</translation>
    </message>
    <message>
        <source>Edited on both sides — both texts are kept ({n})</source>
        <translation>双方均有修改——两个版本均保留（{n}）</translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation>新增（{n}）</translation>
    </message>
    <message>
        <source>Changed ({n})</source>
        <translation>修改（{n}）</translation>
    </message>
    <message>
        <source>Deleted ({n})</source>
        <translation>删除（{n}）</translation>
    </message>
    <message>
        <source>Nothing new: this vault already has everything in it.</source>
        <translation>没有新内容：本保险库已包含其中全部内容。</translation>
    </message>
    <message>
        <source>Only history and custody-log entries are added.</source>
        <translation>仅添加历史版本和保管链日志记录。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>This key card was altered after it was made (its signature does not match), so it was not added. Ask your colleague for a fresh copy.</source>
        <translation>此密钥卡在生成后被改动过（签名不符），因此未予添加。请向同事重新索取一份。</translation>
    </message>
    <message>
        <source>This is not a Lawnotebook key card, or part of it is missing. Copy the whole card, from its first line to its last.</source>
        <translation>这不是 Lawnotebook 密钥卡，或者内容不完整。请从第一行到最后一行完整复制。</translation>
    </message>
    <message>
        <source>This colleague is already in your list.</source>
        <translation>该同事已在您的列表中。</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this vault. Check Caps Lock and try again.</source>
        <translation>该口令无法解锁此保险库。请检查大写锁定键后重试。</translation>
    </message>
    <message>
        <source>That recovery key belongs to another vault.</source>
        <translation>该恢复密钥属于另一个保险库。</translation>
    </message>
    <message>
        <source>That is not a valid recovery key: a character is wrong or missing. Compare it with your printed copy, group by group.</source>
        <translation>这不是有效的恢复密钥：有字符错误或缺失。请与打印件逐组核对。</translation>
    </message>
    <message>
        <source>There is no vault at this location.</source>
        <translation>此位置没有保险库。</translation>
    </message>
    <message>
        <source>A vault cannot be created there: the folder is not empty.</source>
        <translation>无法在此处创建保险库：该文件夹不是空的。</translation>
    </message>
    <message>
        <source>This vault is already open in another Lawnotebook window or program. Close it there first.</source>
        <translation>此保险库已在另一个 Lawnotebook 窗口或程序中打开，请先在那里关闭。</translation>
    </message>
    <message>
        <source>The vault&apos;s files are damaged or incomplete, so it was not opened. Nothing was changed; restore the vault folder from a backup.</source>
        <translation>保险库文件已损坏或不完整，因此未能打开。未作任何更改；请从备份中恢复保险库文件夹。</translation>
    </message>
    <message>
        <source>This vault was written by a newer Lawnotebook. Please update the app.</source>
        <translation>此保险库由更新版本的 Lawnotebook 写入，请更新本应用。</translation>
    </message>
    <message>
        <source>Upgrading the vault failed; it was left exactly as it was.</source>
        <translation>保险库升级失败；保险库保持原样，未受影响。</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain could not be used to remember the vault.</source>
        <translation>无法使用本机的系统钥匙串记住保险库。</translation>
    </message>
    <message>
        <source>This vault is not remembered on this computer. Type your passphrase.</source>
        <translation>本机未记住此保险库，请输入口令。</translation>
    </message>
    <message>
        <source>This item was changed elsewhere in the meantime. Close and reopen the case (Ctrl+W), then make your change again.</source>
        <translation>此条目在此期间已在别处被修改。请关闭并重新打开案件（Ctrl+W），然后再次修改。</translation>
    </message>
    <message>
        <source>That item no longer exists.</source>
        <translation>该条目已不存在。</translation>
    </message>
    <message>
        <source>Not a date Lawnotebook understands. Write for example 2016-07-15, 2016-07-15 14:30, 2016-07, before 2016-06-15, about 1997, or between 2016-07 and 2016-09.</source>
        <translation>Lawnotebook 无法识别此日期。可写作：2016-07-15、2016-07-15 14:30、2016-07、2016年7月、2016年7月之前，或 before 2016-06-15、about 1997、between 2016-07 and 2016-09。</translation>
    </message>
    <message>
        <source>This cannot be saved: {detail}.</source>
        <translation>无法保存：{detail}。</translation>
    </message>
    <message>
        <source>The computer refused to read or write a file ({detail}). Nothing was changed.</source>
        <translation>系统拒绝读取或写入文件（{detail}）。未作任何更改。</translation>
    </message>
    <message>
        <source>This did not work: {detail}.</source>
        <translation>操作未成功：{detail}。</translation>
    </message>
    <message>
        <source>This data is damaged or not in a form Lawnotebook reads ({detail}).</source>
        <translation>此数据已损坏，或不是 Lawnotebook 能读取的格式（{detail}）。</translation>
    </message>
    <message>
        <source>Something went wrong inside Lawnotebook ({name}). Nothing was changed.</source>
        <translation>Lawnotebook 内部出错（{name}）。未作任何更改。</translation>
    </message>
    <message>
        <source>This key card cannot be used, so it was not added.</source>
        <translation>此密钥卡无法使用，因此未予添加。</translation>
    </message>
    <message>
        <source>These recovery shares do not open the vault. Nothing was changed.</source>
        <translation>这些恢复份额打不开保险库。没有做任何更改。</translation>
    </message>
    <message>
        <source>A recovery share does not read: a word is mistyped, missing or extra. Compare each word with the printed sheet.</source>
        <translation>有一份恢复份额无法读取：某个单词输错、缺少或多出。请逐词与打印的份额页核对。</translation>
    </message>
    <message>
        <source>Not enough recovery shares: this set needs more of them. Ask another colleague who holds one.</source>
        <translation>恢复份额不够：这一组需要更多份。请向另一位持有份额的同事索取。</translation>
    </message>
    <message>
        <source>The same recovery share was typed twice. Each share counts only once.</source>
        <translation>同一份恢复份额输入了两次。每一份只算一次。</translation>
    </message>
    <message>
        <source>These recovery shares are not from the same set. Use shares that were made together.</source>
        <translation>这些恢复份额不属于同一组。请使用同一次制作的份额。</translation>
    </message>
    <message>
        <source>A recovery share is for another vault. Compare the vault id printed on its sheet.</source>
        <translation>有一份恢复份额属于另一个保险库。请核对份额页上印的保险库编号。</translation>
    </message>
    <message>
        <source>These shares are for an older recovery key of this vault: they were made before the vault&apos;s key was changed, and no longer open it.</source>
        <translation>这些份额属于本保险库较早的恢复密钥：它们制作于保险库密钥更换之前，已经打不开保险库。</translation>
    </message>
    <message>
        <source>This file is not a sealed recovery share, or it is damaged.</source>
        <translation>此文件不是封装的恢复份额，或已损坏。</translation>
    </message>
    <message>
        <source>This recovery share is sealed to another colleague. Only they can open it.</source>
        <translation>此恢复份额是封装给另一位同事的，只有他们能打开。</translation>
    </message>
    <message>
        <source>Your own keys, kept inside this vault, are damaged, so nothing can be sealed or opened with them. Restore the vault from a backup.</source>
        <translation>保存在此保险库中的您本人的密钥已损坏，无法用其封装或打开加密包。请从备份中恢复保险库。</translation>
    </message>
    <message>
        <source>The vault was locked before this could finish. Unlock it and try again.</source>
        <translation>此操作完成之前保险库已被锁定。请解锁保险库后重试。</translation>
    </message>
    <message>
        <source>This deletion cannot be undone: it was already sent to a colleague in a bundle, and there the item is deleted too. Add it again if it is still needed.</source>
        <translation>此次删除无法撤销：它已随加密包发送给同事，同事那里该条目也已删除。如仍需要，请重新添加。</translation>
    </message>
    <message>
        <source>This evidence file cannot be brought back: its file was erased from the vault when the vault was locked. Add the file again from its source.</source>
        <translation>此证据文件无法恢复：保险库锁定时，其文件已从保险库中清除。请从原始来源重新添加该文件。</translation>
    </message>
    <message>
        <source>This file is not a Lawnotebook bundle, or its beginning is damaged.</source>
        <translation>此文件不是 Lawnotebook 加密包，或其开头部分已损坏。</translation>
    </message>
    <message>
        <source>This bundle was not sealed for you (or the bundle passphrase is wrong), so it cannot be opened here. Nothing was changed.</source>
        <translation>此加密包不是封装给您的（或加密包口令错误），无法在此打开。未作任何更改。</translation>
    </message>
    <message>
        <source>This bundle was altered or damaged after it was sealed, so it was refused. Nothing was changed; ask the sender for a new copy.</source>
        <translation>此加密包在封装后被改动或损坏，已被拒绝。未作任何更改；请向发送人重新索取。</translation>
    </message>
    <message>
        <source>This bundle claims to come from a colleague, but it was not sealed with that colleague&apos;s key. It was refused and nothing was changed.</source>
        <translation>此加密包自称来自某位同事，但并非用该同事的密钥封装。已被拒绝，未作任何更改。</translation>
    </message>
    <message>
        <source>The sender is not a colleague you have verified, so the bundle was not opened. Compare fingerprints first, or confirm that you trust this sender.</source>
        <translation>发送人不是您已核验的同事，因此未打开加密包。请先核对指纹，或确认您信任此发送人。</translation>
    </message>
    <message>
        <source>This bundle (or a newer one from the same colleague) was already opened here. Nothing was changed.</source>
        <translation>此加密包（或同一同事发来的更新的加密包）已在此打开过。未作任何更改。</translation>
    </message>
    <message>
        <source>This bundle only carries changes since an earlier bundle that was never opened here. Open the earlier bundle first; nothing was changed.</source>
        <translation>此加密包只含自某个较早加密包以来的变更，而那个较早的加密包从未在此打开。请先打开较早的加密包；未作任何更改。</translation>
    </message>
    <message>
        <source>This bundle is larger than Lawnotebook accepts, so it was refused. Nothing was changed.</source>
        <translation>此加密包超出 Lawnotebook 可接受的大小，已被拒绝。未作任何更改。</translation>
    </message>
    <message>
        <source>This bundle tries to change a case it does not carry, so it was refused. Nothing was changed.</source>
        <translation>此加密包试图修改其未携带的案件，已被拒绝。未作任何更改。</translation>
    </message>
    <message>
        <source>This file is already in the case, so it was not added again.</source>
        <translation>此文件已在本案中，因此未再次添加。</translation>
    </message>
    <message>
        <source>This file is already in the case. A second record of it is kept only for a source that no record of it gives yet: type where this copy came from.</source>
        <translation>案件中已有此文件。只有来源与现有记录都不同时才能另立一条记录：请填写这份副本的来源。</translation>
    </message>
    <message>
        <source>This bundle was refused, and nothing was changed.</source>
        <translation>此加密包已被拒绝，未作任何更改。</translation>
    </message>
    <message>
        <source>This bundle was re-wrapped by someone other than its sender (for a passphrase instead of keys, or the other way round), so it was refused. Nothing was changed; ask the sender for a copy sealed for you.</source>
        <translation>此加密包被发送人以外的人重新封装（由密钥改为口令，或反之），因此已被拒绝。未做任何更改；请向发送人索取一份为您封装的副本。</translation>
    </message>
    <message>
        <source>The backup could not be used.</source>
        <translation>无法使用该备份。</translation>
    </message>
    <message>
        <source>There is no Lawnotebook backup of this vault in that folder or drive.</source>
        <translation>该文件夹或磁盘中没有此保险库的 Lawnotebook 备份。</translation>
    </message>
    <message>
        <source>That backup is damaged or incomplete. Nothing was changed; use your other backup drive, or an older generation on this one.</source>
        <translation>该备份已损坏或不完整。未作任何更改；请使用另一块备份盘，或本盘上较早的一代备份。</translation>
    </message>
    <message>
        <source>That backup belongs to another vault, so it cannot be compared with this one.</source>
        <translation>该备份属于另一个保险库，无法与本保险库比较。</translation>
    </message>
    <message>
        <source>The backup was cancelled. The previous backup on the drive is untouched.</source>
        <translation>备份已取消。盘上原有的备份未受影响。</translation>
    </message>
    <message>
        <source>Adding the file was cancelled; nothing was stored.</source>
        <translation>已取消添加文件，未保存任何内容。</translation>
    </message>
    <message>
        <source>The file changed while it was being added, so nothing was stored. Wait until it is complete, then add it again.</source>
        <translation>文件在添加过程中发生了变化，因此未予保存。请待文件完整后重新添加。</translation>
    </message>
    <message>
        <source>That file could not be read (is it a folder, or not yours to read?).</source>
        <translation>无法读取该文件（它是否是文件夹，或您没有读取权限？）。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was stored; free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容。请释放空间后重试。</translation>
    </message>
    <message>
        <source>This evidence file no longer matches what was stored: it was altered or damaged on disk. Run a deep check of the vault and restore it from a backup.</source>
        <translation>此证据文件与入库时的内容不再一致：它在磁盘上被改动或损坏。请对保险库进行深度检查，并从备份中恢复。</translation>
    </message>
    <message>
        <source>Part of this evidence file is missing from the vault folder. Restore the vault from a backup.</source>
        <translation>保险库文件夹中缺少此证据文件的部分内容。请从备份中恢复保险库。</translation>
    </message>
    <message>
        <source>The evidence file could not be used.</source>
        <translation>无法使用该证据文件。</translation>
    </message>
</context>
<context>
    <name>MotionDialog</name>
    <message>
        <source>Motion to exclude — {title}</source>
        <translation>排除非法证据申请 — {title}</translation>
    </message>
    <message>
        <source>Save as Word (DOCX)…</source>
        <translation>另存为 Word（DOCX）…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Findings the motion rests on:</source>
        <translation>申请所依据的审查发现：</translation>
    </message>
    <message>
        <source>Statements it asks to exclude:</source>
        <translation>申请排除的供述：</translation>
    </message>
    <message>
        <source>Language of the motion:</source>
        <translation>申请书语言：</translation>
    </message>
    <message>
        <source>Saved {path} ({size:,} bytes).</source>
        <translation>已保存 {path}（{size:,} 字节）。</translation>
    </message>
    <message>
        <source>Save the motion as Word</source>
        <translation>将申请书另存为 Word</translation>
    </message>
    <message>
        <source>Save the motion as PDF</source>
        <translation>将申请书另存为 PDF</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Lawnotebook user ({groups}…)</source>
        <translation>Lawnotebook 用户（{groups}…）</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>e.g. People v. Chen, or 陈某涉嫌故意伤害案</source>
        <translation>如：陈某涉嫌故意伤害案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>创建案件</translation>
    </message>
    <message>
        <source>Give the case a title.</source>
        <translation>请填写案件名称。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Title (optional)</source>
        <translation>标题（可不填）</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>笔记标题</translation>
    </message>
    <message>
        <source>Note text (Markdown)</source>
        <translation>笔记正文（Markdown）</translation>
    </message>
    <message>
        <source>Write here. **bold**, *italic*, # headings and - lists are understood.</source>
        <translation>在此书写。支持 **粗体**、*斜体*、# 标题和 - 列表。</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>笔记预览</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>编辑中…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>NoteHistory</name>
    <message>
        <source>Saved versions</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Saved versions (newest first)</source>
        <translation>已保存的版本（最新在前）</translation>
    </message>
</context>
<context>
    <name>NoteListModel</name>
    <message>
        <source>(empty note)</source>
        <translation>（空笔记）</translation>
    </message>
    <message>
        <source>Last saved {when}</source>
        <translation>最后保存于 {when}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Filter note titles</source>
        <translation>筛选笔记标题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
</context>
<context>
    <name>OtherViewer</name>
    <message>
        <source>Type: {t}</source>
        <translation>类型：{t}</translation>
    </message>
    <message>
        <source>Size: {s} ({n:,} bytes)</source>
        <translation>大小：{s}（{n:,} 字节）</translation>
    </message>
    <message>
        <source>Export decrypted copy…</source>
        <translation>导出解密副本…</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Separate charges with ;</source>
        <translation>多个罪名请用 ; 分隔</translation>
    </message>
    <message>
        <source>e.g. investigation, indictment, first instance, appeal</source>
        <translation>如：侦查、审查起诉、一审、二审</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签请用逗号分隔</translation>
    </message>
    <message>
        <source>Archived (hidden from the case list)</source>
        <translation>已归档（不在案件列表中显示）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>罪名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <source>None open</source>
        <translation>无未完成期限</translation>
    </message>
    <message>
        <source>  (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
</context>
<context>
    <name>OwnerFields</name>
    <message>
        <source>As colleagues know you, e.g. Zhang Wei</source>
        <translation>同事所知的名字，例如：张伟</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Law firm</source>
        <translation>律师事务所</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>律师执业证号</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Law &amp;firm</source>
        <translation>律师事务所(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Licence number</source>
        <translation>律师执业证号(&amp;L)</translation>
    </message>
    <message>
        <source>Your name is on your key card: colleagues see it there and on the bundles you send. The firm and licence number are printed in the head of reports. All three are optional and can be changed later in Settings.</source>
        <translation>您的姓名写在您的密钥卡上：同事会在密钥卡和您发送的加密包上看到它。律师事务所和执业证号印在报告的抬头。三项均为选填，以后可在“设置”中修改。</translation>
    </message>
</context>
<context>
    <name>PackNotice</name>
    <message>
        <source>Evidence files moved aside</source>
        <translation>证据文件已移到一旁</translation>
    </message>
    <message>
        <source>{n} evidence file part(s) kept in quarantine belong to this database and were put back in place.</source>
        <translation>隔离区中有 {n} 个证据文件分块属于本数据库，已放回原处。</translation>
    </message>
    <message>
        <source>{n} evidence file part(s) that this vault&apos;s database does not know were moved to the folder packs-quarantine inside the vault. Nothing was deleted and they stay encrypted. This happens when an older copy of the database (vault.db) was put back, by a restore or a sync tool, or when adding a file was cut off at its very end. If you have a newer copy of vault.db, lock, put it back and unlock: the files return by themselves.</source>
        <translation>有 {n} 个证据文件分块不在本保险库的数据库记录中，已移到保险库内的 packs-quarantine 文件夹。没有删除任何内容，它们仍是加密的。这通常是因为放回了旧的数据库副本（vault.db），例如恢复备份或同步工具所致，或者添加文件时在最后一刻被中断。如果您有更新的 vault.db 副本，请锁定、放回该副本后再解锁：这些文件会自动回到原处。</translation>
    </message>
    <message>
        <source>An interrupted change of the vault&apos;s key has now been completed. Its new recovery key may never have been shown to you, and the old one no longer works: change the key again in Settings to get a recovery key you have written down.</source>
        <translation>一次被中断的保险库密钥更换现已完成。新的恢复密钥可能从未向您显示，而旧的恢复密钥已失效：请在“设置”中再次更换密钥，以获得一份您已抄下的恢复密钥。</translation>
    </message>
    <message>
        <source>This vault is OLDER than one this computer or a backup drive has seen. Its folder may have been replaced by an older copy, a backup restored, or the database put back by a sync tool. Work done after that copy is not in it. If you have a newer copy, compare it before going on. A check of the vault keeps reporting this.</source>
        <translation>此保险库比这台电脑或某块备份盘见过的版本更旧。它的文件夹可能被换成了较旧的副本、恢复了备份，或同步工具放回了旧的数据库。那份副本之后做的工作不在其中。如果您有较新的副本，请先比较再继续。检查保险库时会一直报告这一点。</translation>
    </message>
    <message>
        <source>This vault is older than expected</source>
        <translation>此保险库比应有的旧</translation>
    </message>
    <message>
        <source>The vault&apos;s key was changed</source>
        <translation>保险库密钥已更换</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation>显示或隐藏输入内容</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Too short. A sentence of five or more words is easy to remember and strong.</source>
        <translation>太短。一句五个词以上（或十来个汉字）的话既好记又安全。</translation>
    </message>
    <message>
        <source>Weak. Add more words; a whole sentence works best.</source>
        <translation>较弱。再多加几个词，整句话最好。</translation>
    </message>
    <message>
        <source>Fair. A few more words would make it strong.</source>
        <translation>一般。再加几个词就足够强了。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste a colleague&apos;s key card</source>
        <translation>粘贴同事的密钥卡</translation>
    </message>
    <message>
        <source>Paste the whole card, from -----BEGIN LAWNOTEBOOK KEY CARD----- to the END line.</source>
        <translation>请粘贴完整的密钥卡，从 -----BEGIN LAWNOTEBOOK KEY CARD----- 一直到 END 那一行。</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> 页，共 {n} 页</translation>
    </message>
    <message>
        <source>Find in this PDF</source>
        <translation>在此 PDF 中查找</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>This PDF could not be read. Its bytes are intact.</source>
        <translation>无法读取此 PDF。其数据完好无损。</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 处</translation>
    </message>
</context>
<context>
    <name>PeopleLinks</name>
    <message>
        <source>nobody called {name} is listed under People in this case</source>
        <translation>本案“涉案人员”中没有名为 {name} 的人</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Contact and notes</source>
        <translation>联系方式及备注</translation>
    </message>
    <message>
        <source>People in this case</source>
        <translation>本案涉案人员</translation>
    </message>
    <message>
        <source>New person&apos;s name</source>
        <translation>新增人员姓名</translation>
    </message>
    <message>
        <source>New person&apos;s role</source>
        <translation>新增人员身份</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>PlacesTab</name>
    <message>
        <source>Place (e.g. 市第一看守所, 城关派出所办案区)</source>
        <translation>地点（如：市第一看守所、城关派出所办案区）</translation>
    </message>
    <message>
        <source>New place&apos;s name</source>
        <translation>新地点的名称</translation>
    </message>
    <message>
        <source>New place&apos;s kind</source>
        <translation>新地点的类型</translation>
    </message>
    <message>
        <source>Add place</source>
        <translation>添加地点</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>地点类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Places of this case</source>
        <translation>本案的地点</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Who may open it?</source>
        <translation>谁可以打开？</translation>
    </message>
    <message>
        <source>Only the colleagues you choose can open the bundle, on their own computer.</source>
        <translation>只有您选定的同事能在他们自己的电脑上打开此加密包。</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>A one-time passphrase (for a colleague who has no key yet)</source>
        <translation>一次性口令（用于尚无密钥的同事）</translation>
    </message>
    <message>
        <source>{name}  (not verified)</source>
        <translation>{name}（未核验）</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包口令</translation>
    </message>
    <message>
        <source>Bundle passphrase again</source>
        <translation>再次输入加密包口令</translation>
    </message>
    <message>
        <source>At least {n} characters. Tell it to your colleague by phone or in person — never on the same USB stick or in the same message as the bundle.</source>
        <translation>至少 {n} 个字符。请通过电话或当面告诉同事——切勿与加密包放在同一个 U 盘上或同一条消息里。</translation>
    </message>
    <message>
        <source>Not verified: {names}. You have not compared fingerprints with them, so this key might not be theirs. Compare fingerprints in Colleagues first if you can.</source>
        <translation>未核验：{names}。您尚未与其核对指纹，此密钥未必属于本人。如有可能，请先在“同事”中核对指纹。</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成操作</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>删除{what}？</translation>
    </message>
    <message>
        <source>Delete {n} items?</source>
        <translation>删除这 {n} 项？</translation>
    </message>
    <message>
        <source>These records cite it and will lose the link:</source>
        <translation>以下记录引用了它，删除后将失去关联：</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>另有 {n} 项</translation>
    </message>
    <message>
        <source>The file stays in the vault, encrypted, until the vault is locked, so Undo can bring it back. When the vault locks it is erased, unless another evidence item holds the same file. The custody log keeps its name and SHA-256.</source>
        <translation>在保险库锁定之前，该文件仍以加密形式保存在保险库中，可以用“撤销”恢复；保险库锁定时将被清除，除非另一项证据保存着同一文件。保管链日志会保留其文件名和 SHA-256 校验值。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Your changes to “{what}” are not saved yet.</source>
        <translation>对“{what}”的修改尚未保存。</translation>
    </message>
    <message>
        <source>Save them, discard them, or stay to keep editing?</source>
        <translation>保存修改、放弃修改，还是留在这里继续编辑？</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>放弃修改(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;tay and keep editing</source>
        <translation>留下继续编辑(&amp;T)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel: back to what is stored (Esc)</source>
        <translation>取消：恢复为已保存的内容（Esc）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Every saved version, restorable</source>
        <translation>每次保存的版本，均可恢复</translation>
    </message>
    <message>
        <source>Select a row to see and edit it here.</source>
        <translation>在表格中选择一行，即可在此查看和编辑。</translation>
    </message>
</context>
<context>
    <name>RecordHistory</name>
    <message>
        <source>Saved versions</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Saved versions (newest first)</source>
        <translation>已保存的版本（最新在前）</translation>
    </message>
    <message>
        <source>Saved {when}</source>
        <translation>保存于 {when}</translation>
    </message>
    <message>
        <source>changed in this version</source>
        <translation>此版本中修改</translation>
    </message>
</context>
<context>
    <name>RecordLinks</name>
    <message>
        <source>no place called {name} is listed under Places in this case</source>
        <translation>本案的地点中没有名为 {name} 的地点</translation>
    </message>
    <message>
        <source>no evidence file called {name} is in this case</source>
        <translation>本案中没有名为 {name} 的证据文件</translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <source>Open with your recovery key</source>
        <translation>用恢复密钥打开</translation>
    </message>
    <message>
        <source>Type the recovery key you wrote down or printed when you created the vault (upper or lower case, with or without dashes), then choose a new passphrase.</source>
        <translation>请输入创建保险库时抄下或打印的恢复密钥（大小写均可，短横线可有可无），然后设置新口令。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>No recovery key? Use recovery shares instead</source>
        <translation>没有恢复密钥？改用恢复份额</translation>
    </message>
    <message>
        <source>Type the words of each share in its own box, as printed on its sheet (the numbers may be left out), or paste a whole sheet. Shares made before the vault&apos;s key was last changed no longer work.</source>
        <translation>把每一份的单词照份额页所印输入各自的框中（序号可以不输），也可以粘贴整页。保险库密钥最近一次更换之前制作的份额已经失效。</translation>
    </message>
    <message>
        <source>Add another share</source>
        <translation>再加一份</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再次输入新口令</translation>
    </message>
    <message>
        <source>Open and set the new passphrase</source>
        <translation>打开并设置新口令</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>改用恢复密钥</translation>
    </message>
    <message>
        <source>Recovery share {n}</source>
        <translation>恢复份额 {n}</translation>
    </message>
    <message>
        <source>Share {n}: its words, separated by spaces</source>
        <translation>第 {n} 份：单词之间用空格分开</translation>
    </message>
    <message>
        <source>Type the words of your recovery shares.</source>
        <translation>请输入恢复份额的单词。</translation>
    </message>
    <message>
        <source>Share {n}: “{word}” is not a word used in recovery shares. Compare it with the sheet.</source>
        <translation>第 {n} 份：“{word}”不是恢复份额使用的单词。请与份额页核对。</translation>
    </message>
    <message>
        <source>Share {n} does not read: a word is mistyped, missing or extra. Compare each word with the sheet.</source>
        <translation>第 {n} 份无法读取：某个单词输错、缺少或多出。请逐词与份额页核对。</translation>
    </message>
    <message>
        <source>This set needs {k} shares: type the others too.</source>
        <translation>这一组需要 {k} 份：请把其余的也输入。</translation>
    </message>
    <message>
        <source>Choose a longer passphrase: at least {n} characters.</source>
        <translation>请设置更长的口令：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <source>Opening the vault and setting the new passphrase…</source>
        <translation>正在打开保险库并设置新口令…</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only other way into the vault. Write it on paper or print it, and keep it somewhere safe away from this computer. It will not be shown again.</source>
        <translation>万一忘记口令，这个密钥是进入保险库的唯一其他途径。请抄在纸上或打印出来，存放在远离这台电脑的安全地方。它不会再次显示。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the recovery key on paper</source>
        <translation>将恢复密钥打印在纸上</translation>
    </message>
    <message>
        <source>I have written it down or printed it</source>
        <translation>我已抄下或打印</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <source>Lawnotebook recovery key</source>
        <translation>Lawnotebook 恢复密钥</translation>
    </message>
    <message>
        <source>This key opens your Lawnotebook vault if you forget the passphrase. Keep it somewhere safe, away from the computer.</source>
        <translation>忘记口令时，可用此密钥打开您的 Lawnotebook 保险库。请存放在远离电脑的安全地方。</translation>
    </message>
</context>
<context>
    <name>RecoverySharesDialog</name>
    <message>
        <source>Recovery shares</source>
        <translation>恢复份额</translation>
    </message>
    <message>
        <source>Split your recovery key into shares for colleagues you trust: any chosen number of them, together, can open the vault if both your passphrase and your recovery key sheet are lost. One share alone reveals nothing about the key. Changing the vault&apos;s key (Settings → Change the vault&apos;s key) makes a new recovery key: shares made before it stop working, and you make new ones.</source>
        <translation>把恢复密钥拆成若干份，交给您信任的同事：当口令和恢复密钥页都丢失时，凑齐您选定数目的份额即可打开保险库。单独一份不会透露密钥的任何信息。更换保险库的密钥（设置 → 更换保险库密钥）会生成新的恢复密钥：此前制作的份额随之失效，需要重新制作。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Shares needed to recover</source>
        <translation>恢复所需的份数</translation>
    </message>
    <message>
        <source>Shares to make</source>
        <translation>制作的份数</translation>
    </message>
    <message>
        <source>Make the shares</source>
        <translation>制作份额</translation>
    </message>
    <message>
        <source>Recovery key check today: {check}</source>
        <translation>当前恢复密钥核对码：{check}</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <source>Shares needed</source>
        <translation>所需份数</translation>
    </message>
    <message>
        <source>Open a share a colleague sealed to you…</source>
        <translation>打开同事封装给您的份额…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>You cannot need more shares than you make.</source>
        <translation>所需份数不能多于制作的份数。</translation>
    </message>
    <message>
        <source>Open a sealed recovery share</source>
        <translation>打开封装的恢复份额</translation>
    </message>
    <message>
        <source>Sealed recovery share (*{suffix})</source>
        <translation>封装的恢复份额 (*{suffix})</translation>
    </message>
    <message>
        <source>Print the recovery share</source>
        <translation>打印恢复份额</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The shares are not kept anywhere: once this window closes they cannot be shown again (you can make new ones). Close now?</source>
        <translation>份额不会保存在任何地方：此窗口关闭后便无法再显示（可以重新制作）。现在关闭吗？</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reports — {title}</source>
        <translation>报告——{title}</translation>
    </message>
    <message>
        <source>Case chronology</source>
        <translation>案件大事记</translation>
    </message>
    <message>
        <source>Interrogation record</source>
        <translation>讯问情况记录表</translation>
    </message>
    <message>
        <source>Evidence integrity list (SHA-256 and custody log, for the court)</source>
        <translation>证据完整性清单（SHA-256 校验值及保管链日志，供提交法庭）</translation>
    </message>
    <message>
        <source>Interrogation legality</source>
        <translation>讯问合法性审查</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as Word (DOCX)…</source>
        <translation>另存为 Word（DOCX）…</translation>
    </message>
    <message>
        <source>Draft the motion to exclude…</source>
        <translation>起草排除非法证据申请书…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved {path} ({size:,} bytes).</source>
        <translation>已保存 {path}（{size:,} 字节）。</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <source>Save report as Word</source>
        <translation>将报告另存为 Word</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Case chronology</source>
        <translation>案件大事记</translation>
    </message>
    <message>
        <source>Interrogation record</source>
        <translation>讯问情况记录表</translation>
    </message>
    <message>
        <source>Evidence integrity list</source>
        <translation>证据完整性清单</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>制作人</translation>
    </message>
    <message>
        <source>Fingerprint of the preparing lawyer&apos;s key</source>
        <translation>制作律师的密钥指纹</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>People</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Interrogators</source>
        <translation>讯问人员</translation>
    </message>
    <message>
        <source>On video</source>
        <translation>同步录音录像</translation>
    </message>
    <message>
        <source>Rights read</source>
        <translation>告知权利</translation>
    </message>
    <message>
        <source>Client&apos;s account</source>
        <translation>当事人陈述</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Custody events</source>
        <translation>保管链记录</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>保管链日志</translation>
    </message>
    <message>
        <source>chain</source>
        <translation>链</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>条记录</translation>
    </message>
    <message>
        <source>newest entry hash</source>
        <translation>最新记录哈希值</translation>
    </message>
    <message>
        <source>Newest custody entry</source>
        <translation>最新保管链记录</translation>
    </message>
    <message>
        <source>The custody log verifies: every entry is intact and in order.</source>
        <translation>保管链日志校验通过：每条记录完整无缺、顺序无误。</translation>
    </message>
    <message>
        <source>The custody log does NOT verify</source>
        <translation>保管链日志校验未通过</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>No records.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>Each SHA-256 was computed by Lawnotebook when the file was taken into the encrypted vault; anyone can recompute it from a copy of the file. Every intake, view, export and import is recorded in a hash-chained custody log; the newest entry hash of each chain below fixes the whole log as it stood when this list was prepared.</source>
        <translation>每个 SHA-256 校验值均由 Lawnotebook 在文件存入加密保险库时计算，任何人都可以根据文件副本重新计算核对。每一次入库、查看、导出和导入都记录在以哈希值链接的保管链日志中；下列每条链的最新记录哈希值，固定了本清单制作时整个日志的状态。</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>China Standard Time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>被改动</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>顺序错乱</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>Law firm</source>
        <translation>律师事务所</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>律师执业证号</translation>
    </message>
    <message>
        <source>Lawnotebook user ({groups}…)</source>
        <translation>Lawnotebook 用户（{groups}…）</translation>
    </message>
    <message>
        <source>Evidence added</source>
        <translation>证据入库</translation>
    </message>
    <message>
        <source>Evidence viewed</source>
        <translation>查看证据</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Interrogation</source>
        <translation>讯问</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Custody event</source>
        <translation>羁押事件</translation>
    </message>
    <message>
        <source>Review of a legality finding</source>
        <translation>合法性检查结果的审阅</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>罪名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Contact notes</source>
        <translation>联系方式及备注</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Parallel versions</source>
        <translation>并行版本</translation>
    </message>
    <message>
        <source>Linked people</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <source>Linked evidence</source>
        <translation>关联证据</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Kind of deadline</source>
        <translation>期限类型</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>地点类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind of custody event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place (from the case&apos;s places)</source>
        <translation>地点（本案地点）</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>同步录音录像</translation>
    </message>
    <message>
        <source>Recording file</source>
        <translation>录音录像文件</translation>
    </message>
    <message>
        <source>Start the recording&apos;s clock shows</source>
        <translation>录像显示的开始时间</translation>
    </message>
    <message>
        <source>End the recording&apos;s clock shows</source>
        <translation>录像显示的结束时间</translation>
    </message>
    <message>
        <source>Transcript file</source>
        <translation>讯问笔录文件</translation>
    </message>
    <message>
        <source>Transcript pages</source>
        <translation>笔录页码</translation>
    </message>
    <message>
        <source>Start written on the transcript</source>
        <translation>笔录记载的开始时间</translation>
    </message>
    <message>
        <source>End written on the transcript</source>
        <translation>笔录记载的结束时间</translation>
    </message>
    <message>
        <source>Transcript signed by the client</source>
        <translation>当事人是否在笔录上签名</translation>
    </message>
    <message>
        <source>Corrections to the transcript</source>
        <translation>笔录的补充或改正</translation>
    </message>
    <message>
        <source>Rest breaks</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>饮食</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>是否需要翻译人员</translation>
    </message>
    <message>
        <source>Interpreter present</source>
        <translation>翻译人员是否在场</translation>
    </message>
    <message>
        <source>Guardian needed</source>
        <translation>是否需要法定代理人或合适成年人</translation>
    </message>
    <message>
        <source>Guardian present</source>
        <translation>法定代理人或合适成年人是否在场</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>供述情况</translation>
    </message>
    <message>
        <source>Injuries seen</source>
        <translation>所见伤情</translation>
    </message>
    <message>
        <source>Detention-house health check</source>
        <translation>看守所入所健康检查</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>What the finding computed</source>
        <translation>检查结果的计算内容</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅结论</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rule set version</source>
        <translation>规则集版本</translation>
    </message>
    <message>
        <source>Summons</source>
        <translation>传唤</translation>
    </message>
    <message>
        <source>Compelled appearance</source>
        <translation>拘传</translation>
    </message>
    <message>
        <source>Criminal detention</source>
        <translation>刑事拘留</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>逮捕</translation>
    </message>
    <message>
        <source>Committal to the detention house</source>
        <translation>送看守所羁押</translation>
    </message>
    <message>
        <source>Residential surveillance at a designated place</source>
        <translation>指定居所监视居住</translation>
    </message>
    <message>
        <source>Supervision detention</source>
        <translation>留置</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Family notified</source>
        <translation>通知家属</translation>
    </message>
    <message>
        <source>Lawyer asked to meet</source>
        <translation>律师申请会见</translation>
    </message>
    <message>
        <source>Lawyer&apos;s meeting</source>
        <translation>律师会见</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>{fields} edited</source>
        <translation>{fields}已编辑</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>saved to a file outside the vault</source>
        <translation>已另存为保险库外的文件</translation>
    </message>
    <message>
        <source>Bundle #{n} sealed for {recipients}: {records} records, {files} files</source>
        <translation>第 {n} 号加密包已封装，接收人：{recipients}；含 {records} 条记录、{files} 个文件</translation>
    </message>
    <message>
        <source>a passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Bundle #{n} from {sender} applied: {added} added, {changed} changed, {deleted} deleted, {conflicts} conflicts, {files} files</source>
        <translation>已并入 {sender} 发来的第 {n} 号加密包：新增 {added}、更改 {changed}、删除 {deleted}、冲突 {conflicts}、文件 {files} 个</translation>
    </message>
    <message>
        <source>Details withheld (not shared in the bundle this entry came in)</source>
        <translation>详情未提供（随此记录传来的加密包未包含）</translation>
    </message>
    <message>
        <source>{n} further details recorded</source>
        <translation>另有 {n} 项详情已记录</translation>
    </message>
    <message>
        <source>source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>the version saved {when} restored</source>
        <translation>已恢复 {when} 保存的版本</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Plug in your backup drive and choose it (or the folder the backup is in). The newest backup on it becomes a new working vault, checked page by page before it opens.</source>
        <translation>插入备份设备并选择它（或选择备份所在的文件夹）。其中最新的备份将成为一个新的工作保险库，打开前会逐页校验。</translation>
    </message>
    <message>
        <source>Where the backup is</source>
        <translation>备份所在位置</translation>
    </message>
    <message>
        <source>The vault&apos;s passphrase</source>
        <translation>保险库口令</translation>
    </message>
    <message>
        <source>I am typing the recovery key instead</source>
        <translation>我输入的是恢复密钥</translation>
    </message>
    <message>
        <source>Choose where the new vault goes…</source>
        <translation>选择新保险库的位置…</translation>
    </message>
    <message>
        <source>&amp;Restore and open</source>
        <translation>恢复并打开(&amp;R)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The new vault goes in: {folder}</source>
        <translation>新保险库位置：{folder}</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new vault.</source>
        <translation>请为新保险库选择一个空文件夹。</translation>
    </message>
    <message>
        <source>Where the new vault goes</source>
        <translation>新保险库的位置</translation>
    </message>
    <message>
        <source>Choose the drive or folder the backup is on.</source>
        <translation>请选择备份所在的设备或文件夹。</translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase or its recovery key.</source>
        <translation>请输入保险库口令或恢复密钥。</translation>
    </message>
    <message>
        <source>Restoring the backup and checking every page and evidence file…</source>
        <translation>正在恢复备份，并检查每一页数据和每个证据文件…</translation>
    </message>
</context>
<context>
    <name>RevisionModel</name>
    <message>
        <source>{when} · {n} characters</source>
        <translation>{when} · {n} 字</translation>
    </message>
    <message>
        <source>{when} · {n} words</source>
        <translation>{when} · {n} 词</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>Change the vault&apos;s key</source>
        <translation>更换保险库密钥</translation>
    </message>
    <message>
        <source>Lawnotebook will lock, re-encrypt the whole database (notes, records, the search index and the keys of the evidence files) under a new random key, and show you a new recovery key once. Afterwards an old copy of the vault&apos;s key file, the old passphrase and the old recovery key no longer open today&apos;s vault, and this computer no longer remembers it.

It does not re-encrypt the evidence files themselves: each has its own key, kept inside the database. Someone who already holds an old copy of the database together with its old key can still read the evidence files that existed then. Copies made outside Lawnotebook (backups, sync folders) stay under the old key. Do not switch the computer off while it runs.</source>
        <translation>Lawnotebook 将先锁定，再用一个新的随机密钥重新加密整个数据库（笔记、记录、搜索索引以及各证据文件的密钥），并只显示一次新的恢复密钥。此后，保险库密钥文件的旧副本、旧口令和旧恢复密钥都无法再打开现在的保险库，本机也不再记住它。

它不会重新加密证据文件本身：每个证据文件有自己的密钥，保存在数据库内。已经持有旧数据库副本及其旧密钥的人，仍能读取当时已有的证据文件。在 Lawnotebook 之外制作的副本（备份、同步文件夹）仍在旧密钥之下。运行期间请勿关机。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>Change the key</source>
        <translation>更换密钥</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>What to send?</source>
        <translation>发送哪些内容？</translation>
    </message>
    <message>
        <source>The whole case, with all its evidence</source>
        <translation>整个案件，含全部证据</translation>
    </message>
    <message>
        <source>Only what changed since the last bundle to the same colleagues</source>
        <translation>仅发送自上次发给同一批同事的加密包以来的变更</translation>
    </message>
    <message>
        <source>The case, but only the evidence chosen below (the rest stays here)</source>
        <translation>整个案件，但只含下方选中的证据（其余证据留在本机）</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <source>Sealing</source>
        <translation>封装</translation>
    </message>
    <message>
        <source>Encrypting and writing the bundle…</source>
        <translation>正在加密并写入加密包…</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Search summary</source>
        <translation>搜索概况</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} 条结果</translation>
    </message>
    <message>
        <source>{count}. Enter opens the highlighted one; ↑ ↓ choose.</source>
        <translation>{count}。按 Enter 打开高亮项，↑ ↓ 选择。</translation>
    </message>
    <message>
        <source>Nothing found. Every word must appear; try fewer words.</source>
        <translation>未找到。每个词都必须出现，请减少搜索词。</translation>
    </message>
</context>
<context>
    <name>SecondSourceDialog</name>
    <message>
        <source>Keep a second record</source>
        <translation>另立一条记录</translation>
    </message>
    <message>
        <source>“{name}” is the same file as “{match}”, added {when} (source: {source}).</source>
        <translation>“{name}”与{when}添加的“{match}”为同一文件（来源：{source}）。</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>The case keeps one record per file. Keep a second record only if you received this copy from another source; it is shown as the same file, received from that source.</source>
        <translation>每个文件在案件中只保留一条记录。只有这份副本来自另一来源时，才另立一条记录；它会显示为同一文件、来自该来源。</translation>
    </message>
    <message>
        <source>e.g. prosecution disclosure, 2024-06-03</source>
        <translation>例如：检察院阅卷，2024-06-03</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Keep second record</source>
        <translation>另立记录</translation>
    </message>
    <message>
        <source>A record of this file already gives that source: name the other one.</source>
        <translation>该文件已有记录写的就是这个来源：请填写另一来源。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>You</source>
        <translation>您的信息</translation>
    </message>
    <message>
        <source>Your name is on your key card: colleagues see it there and on the bundles you send. After changing it, send your key card again (Colleagues → Save my key card); the fingerprint stays the same. The firm and licence number are printed in the head of reports.</source>
        <translation>您的姓名写在您的密钥卡上：同事会在密钥卡和您发送的加密包上看到它。修改后，请把密钥卡重新发给同事（同事 → 保存我的密钥卡…）；指纹保持不变。律师事务所和执业证号印在报告的抬头。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>闲置多少分钟后锁定</translation>
    </message>
    <message>
        <source>Clear the clipboard when locking, if it holds text copied from Lawnotebook</source>
        <translation>锁定时，若剪贴板中有从 Lawnotebook 复制的文字，则予以清除</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>跟随本机系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language is used from the next time Lawnotebook starts.</source>
        <translation>新的界面语言将在下次启动 Lawnotebook 时生效。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Warn when the last backup is older than this many days</source>
        <translation>上次备份超过这么多天时提醒</translation>
    </message>
    <message>
        <source>Follows your system&apos;s light or dark setting.</source>
        <translation>跟随系统的浅色或深色设置。</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Warn about backups after</source>
        <translation>备份提醒间隔</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Screen lock and sleep</source>
        <translation>锁屏与休眠</translation>
    </message>
    <message>
        <source>Change the vault&apos;s key…</source>
        <translation>更换保险库密钥…</translation>
    </message>
    <message>
        <source>Re-encrypt the vault under a new key and get a new recovery key</source>
        <translation>用新密钥重新加密保险库，并取得新的恢复密钥</translation>
    </message>
    <message>
        <source>Vault key</source>
        <translation>保险库密钥</translation>
    </message>
    <message>
        <source>Make recovery shares…</source>
        <translation>制作恢复份额…</translation>
    </message>
    <message>
        <source>Split the recovery key among colleagues you trust (for example 2 of 3)</source>
        <translation>把恢复密钥分给您信任的同事保管（例如 3 份中任意 2 份即可恢复）</translation>
    </message>
    <message>
        <source>Recovery shares</source>
        <translation>恢复份额</translation>
    </message>
    <message>
        <source>These settings are stored on this computer outside the vault, so they never name a case, client or search.</source>
        <translation>这些设置保存在本机、保险库之外，因此其中绝不会出现任何案件、当事人或搜索内容。</translation>
    </message>
</context>
<context>
    <name>ShareRow</name>
    <message>
        <source>Share {n} of {count}</source>
        <translation>第 {n} 份，共 {count} 份</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print share {n}</source>
        <translation>打印第 {n} 份</translation>
    </message>
    <message>
        <source>Colleague to seal this share to</source>
        <translation>把此份额封装给哪位同事</translation>
    </message>
    <message>
        <source>Seal to a colleague…</source>
        <translation>封装给同事…</translation>
    </message>
    <message>
        <source>Save sealed file…</source>
        <translation>保存封装文件…</translation>
    </message>
    <message>
        <source>Print recovery share {n}</source>
        <translation>打印第 {n} 份恢复份额</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <source>Save the sealed share</source>
        <translation>保存封装的份额</translation>
    </message>
    <message>
        <source>Sealed recovery share (*{suffix})</source>
        <translation>封装的恢复份额 (*{suffix})</translation>
    </message>
    <message>
        <source>Sealed to {name} and saved as {file}. Only they can open it.</source>
        <translation>已封装给{name}并保存为 {file}。只有对方能打开。</translation>
    </message>
</context>
<context>
    <name>ShareSheet</name>
    <message>
        <source>Lawnotebook recovery share: {n} of {count}</source>
        <translation>Lawnotebook 恢复份额：第 {n} 份，共 {count} 份</translation>
    </message>
    <message>
        <source>Needed to recover: any {k} of the {count} shares</source>
        <translation>恢复所需：{count} 份中的任意 {k} 份</translation>
    </message>
    <message>
        <source>Vault: {id}</source>
        <translation>保险库：{id}</translation>
    </message>
    <message>
        <source>Recovery key check: {check}</source>
        <translation>恢复密钥核对码：{check}</translation>
    </message>
    <message>
        <source>Note: keep this sheet safe and private. Shares made before the vault&apos;s key is changed no longer work; the vault&apos;s owner then makes new ones.</source>
        <translation>注意：请妥善、私密地保管本页。保险库的密钥更换之后，此前制作的份额即失效，届时由保险库的所有人重新制作。</translation>
    </message>
</context>
<context>
    <name>ShareWizard</name>
    <message>
        <source>Share “{title}”</source>
        <translation>共享“{title}”</translation>
    </message>
    <message>
        <source>&amp;Seal</source>
        <translation>封装(&amp;S)</translation>
    </message>
    <message>
        <source>Cancelled. No bundle was written.</source>
        <translation>已取消，未写入加密包。</translation>
    </message>
    <message>
        <source>anyone who has the one-time passphrase</source>
        <translation>任何持有该一次性口令的人</translation>
    </message>
    <message>
        <source>the changes since bundle #{n}</source>
        <translation>自第 {n} 号加密包以来的变更</translation>
    </message>
    <message>
        <source>the case with {n} chosen evidence file(s)</source>
        <translation>案件及选中的 {n} 个证据文件</translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>整个案件</translation>
    </message>
    <message>
        <source>Sealed {what} of “{title}” for {who}.</source>
        <translation>已将“{title}”的{what}封装给 {who}。</translation>
    </message>
    <message>
        <source>{records} records and {files} files, {size} (bundle #{seq}).</source>
        <translation>{records} 条记录、{files} 个文件，共 {size}（第 {seq} 号加密包）。</translation>
    </message>
    <message>
        <source>Written to: {path}</source>
        <translation>写入位置：{path}</translation>
    </message>
    <message>
        <source>Not verified: {names}. Compare fingerprints with them soon.</source>
        <translation>未核验：{names}。请尽快与其核对指纹。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>SystemLockSignals</name>
    <message>
        <source>Lawnotebook locks when the computer sleeps or its screen locks.</source>
        <translation>电脑休眠或锁屏时，Lawnotebook 随之锁定。</translation>
    </message>
    <message>
        <source>On this system Lawnotebook cannot tell when the screen locks; it still locks after the idle time and with Ctrl+L.</source>
        <translation>在此系统上，Lawnotebook 无法得知何时锁屏；但闲置超时或按 Ctrl+L 时仍会锁定。</translation>
    </message>
    <message>
        <source>No system message bus (D-Bus) was found, so Lawnotebook cannot lock when the computer sleeps or the screen locks. It still locks after the idle time and with Ctrl+L.</source>
        <translation>未找到系统消息总线（D-Bus），因此电脑休眠或锁屏时 Lawnotebook 无法随之锁定。闲置超时或按 Ctrl+L 时仍会锁定。</translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Find in this file</source>
        <translation>在此文件中查找</translation>
    </message>
    <message>
        <source> — only the beginning is shown (the file is very large)</source>
        <translation>——文件很大，仅显示开头部分</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>尚无事件</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Lawnotebook is locked</source>
        <translation>Lawnotebook 已锁定</translation>
    </message>
    <message>
        <source>Type your passphrase to open your case files.</source>
        <translation>输入口令以打开您的案卷。</translation>
    </message>
    <message>
        <source>Vault: {path}</source>
        <translation>保险库：{path}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the recovery key</source>
        <translation>忘记口令？使用恢复密钥</translation>
    </message>
    <message>
        <source>Unlock with this computer&apos;s keychain</source>
        <translation>使用本机钥匙串解锁</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>请先输入口令。</translation>
    </message>
    <message>
        <source>Checking the passphrase… (this takes about a second on purpose)</source>
        <translation>正在验证口令…（为安全起见，需要约一秒钟）</translation>
    </message>
</context>
<context>
    <name>VersionModel</name>
    <message>
        <source>{when} · created</source>
        <translation>{when} · 创建</translation>
    </message>
    <message>
        <source>{when} · saved unchanged</source>
        <translation>{when} · 保存（无修改）</translation>
    </message>
    <message>
        <source>{when} · {fields}</source>
        <translation>{when} · {fields}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
</TS>
