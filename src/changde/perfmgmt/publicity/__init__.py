"""The public performance column (绩效管理专栏), training (培训) and publicity
(宣传): policies, news and meetings, published reports, training events with
sign-up and feedback forms, and the office's list of public feedback."""
